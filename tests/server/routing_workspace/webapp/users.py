from flask import Blueprint

users = Blueprint("users", __name__)


@users.route("/", methods=["GET", "POST"])
def list_users():
    return "users"


@users.get("/<int:user_id>")
def show(user_id):
    return str(user_id)
