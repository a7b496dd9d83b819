"""A one-off migration script: it builds its own app, and no factory's app ever meets it."""

import sys

from flask import Flask
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config["SQLALCHEMY_DATABASE_URI"] = sys.argv[1]
db = SQLAlchemy(app)

if __name__ == "__main__":
    with app.app_context():
        db.create_all()
