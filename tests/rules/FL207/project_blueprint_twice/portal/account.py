from flask import Blueprint, url_for

account = Blueprint("account", __name__)


@account.route("/")
def home():
    return url_for(".settings")  # account.settings and me.settings both exist


@account.route("/settings")
def settings():
    return url_for("me.home") + url_for("account.home")


@account.route("/orders")
def orders():
    return url_for("me.order")  # expect: FL207
