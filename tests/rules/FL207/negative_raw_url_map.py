from flask import Flask, url_for
from werkzeug.routing import Rule

app = Flask(__name__)
app.url_map.add(Rule("/raw", endpoint="raw"))  # a rule flask-lsp does not model


@app.endpoint("raw")
def raw():
    return "raw"


@app.route("/")
def index():
    return url_for("raw")
