"""The session object handed on at import time (Flask-Admin's `ModelView(User, db.session)`):
the view keeps it and uses it later, in requests. Only using the session needs a context."""

from flask import Flask
from flask_admin import Admin
from flask_admin.contrib.sqla import ModelView
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite://"
db = SQLAlchemy(app)


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)


admin = Admin(app, name="shop")
admin.add_view(ModelView(User, db.session))
session = db.session
