from flask import Flask
from flask_sqlalchemy import SQLAlchemy

import routes  # noqa: F401

app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite://"
db = SQLAlchemy(app)
