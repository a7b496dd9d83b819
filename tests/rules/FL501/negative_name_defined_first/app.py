from flask import Flask
from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()

import models  # noqa: E402, F401

app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite://"
db.init_app(app)
