from flask import Blueprint, url_for

account_bp = Blueprint("account", __name__)


@account_bp.route("/settings", strict_slashes=False)
def settings() -> str:
    return url_for(".settings")


@account_bp.route("/orders/<uuid:order_id>", methods=["GET", "DELETE"])
def order(order_id: str) -> str:
    return str(order_id)
