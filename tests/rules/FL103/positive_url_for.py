import flask
from flask import Flask, url_for

app = Flask(__name__)

HOME = url_for("index")  # expect: FL103
ABOUT = flask.url_for("about")  # expect: FL103


@app.cli.command()
def mail():
    print(url_for("index", _external=True))  # expect: FL103


with app.app_context():
    link = url_for("index")  # expect: FL103
