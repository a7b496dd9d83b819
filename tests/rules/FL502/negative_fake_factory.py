"""`create_app` here hands out the single module-level app: the extension is bound to it."""

from flask import Flask
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
db = SQLAlchemy(app)


def create_app():
    return app
