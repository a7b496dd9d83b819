import flask
from flask import Blueprint

bp = Blueprint("shop", __name__)


@bp.post("/cart")
def add_to_cart():
    flask.session.setdefault("cart", []).append(1)  # expect: FL404
    return "ok"
