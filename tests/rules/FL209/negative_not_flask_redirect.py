from flask import Flask

app = Flask(__name__)


def redirect(where):
    return where


@app.route("/home")
def home():
    return "home"


@app.route("/old")
def old():
    return redirect("/home")  # the user's own redirect, not Flask's
