from flask import Blueprint, url_for

home_bp = Blueprint("home", __name__)


@home_bp.route("/")
def index():
    return url_for("home.about")


@home_bp.route("/about")
def about():
    return url_for("home.contact")  # expect: FL207
