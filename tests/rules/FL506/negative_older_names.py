from flask import Flask
from flask.testing import EnvironBuilder
from flask_sqlalchemy import SQLAlchemy

from .ext import helpers  # our own `ext` package, relative

app = Flask(__name__, static_url_path="/assets")
db = SQLAlchemy(app)
builder = EnvironBuilder(app, "/")
helpers.setup(app)
