import flask.ext.login  # expect: FL506
from flask import Flask
from flask.ext.sqlalchemy import SQLAlchemy  # expect: FL506
from flask.testing import make_test_environ_builder  # expect: FL506

app = Flask(__name__, static_path="/assets")  # expect: FL506
db = SQLAlchemy(app)
builder = make_test_environ_builder(app, "/")
