from flask import Flask
from flask_login import LoginManager
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy.orm import DeclarativeBase


class Base(DeclarativeBase):
    pass


db = SQLAlchemy(model_class=Base)
login = LoginManager()


def create_app():
    app = Flask(__name__)
    db.init_app(app)
    login.init_app(app)
    return app
