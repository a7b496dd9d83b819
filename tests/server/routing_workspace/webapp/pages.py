from flask import Blueprint, url_for

pages = Blueprint("pages", __name__)


@pages.route("/")
def index():
    return url_for("users.show", user_id=1)


@pages.route("/people")
def people():
    return url_for("users.list_users")
