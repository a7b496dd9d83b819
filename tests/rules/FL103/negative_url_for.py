from flask import Flask, redirect, url_for

app = Flask(__name__)


@app.route("/")
def index():
    return redirect(url_for("about"))


@app.route("/about")
def about():
    return "about"


with app.test_request_context():
    assert url_for("index") == "/"


def url_for_helper(name):
    return url_for(name)


def build(url_for):
    return url_for("x")


NAMES = {"url_for": url_for}
