from flask import Blueprint, Flask, url_for

app = Flask(__name__)
main = Blueprint("main", __name__)
assets = Blueprint("assets", __name__, static_folder="static")


@main.route("/")
def index():
    return url_for(".about")  # relative, inside the blueprint


@main.route("/about")
def about():
    return url_for("main.index", _external=True)


@app.route("/home")
def home():
    return url_for(".home")  # Flask drops the dot in an app-level view


def report():
    return url_for("built")  # registered by add_url_rule below


def helper(name):
    return url_for(name)  # not a literal


def links():
    return [url_for("static", filename="app.css"), url_for("assets.static", filename="x.js")]


app.add_url_rule("/built", "built", report)
app.add_url_rule("/also", endpoint="also_built", view_func=report)
app.register_blueprint(main)
app.register_blueprint(assets)
