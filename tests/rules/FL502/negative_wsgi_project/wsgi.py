"""The served app comes from the factory; binding Flask-Migrate to it is the documented way."""

from flask_migrate import Migrate
from shop import create_app, db

app = create_app()
migrate = Migrate(app, db)
