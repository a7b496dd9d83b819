from flask import Flask
from flask_sqlalchemy import SQLAlchemy

app = None
db = SQLAlchemy(app)  # `app` is not a Flask app here


def make_app():
    app = Flask(__name__)
    db.init_app(app)
    return app
