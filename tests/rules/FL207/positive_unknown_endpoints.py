from flask import Blueprint, Flask, redirect, url_for

app = Flask(__name__)
main = Blueprint("main", __name__)


@main.route("/")
def index():
    return "index"


@main.route("/about")
def about():
    return redirect(url_for("index"))  # expect: FL207


@app.route("/login")
def login():
    return url_for(".index")  # expect: FL207


@app.route("/logout")
def logout():
    return url_for("main.abuot")  # expect: FL207


app.register_blueprint(main)
