"""A forum whose views are registered by the project's own helpers, as FlaskBB does: a
`register_view` that loops over the rules it is given, and `configure_*(app)` functions that
the factory calls with its app."""

from flask import Flask

from .blueprints import configure_blueprints
from .views import configure_views


def create_app():
    app = Flask(__name__)
    configure_views(app)
    configure_blueprints(app)
    return app
