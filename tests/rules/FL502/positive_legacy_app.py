from flask import Flask
from flask_login import LoginManager
from flask_migrate import Migrate
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite://"
db = SQLAlchemy(app)  # expect: FL502
login = LoginManager(app=app)  # expect: FL502
migrate = Migrate(app, db, compare_type=True)  # expect: FL502
Migrate(app, db)  # expect: FL502


def create_app(config=None):
    application = Flask(__name__)
    application.config.from_mapping(config or {})
    return application
