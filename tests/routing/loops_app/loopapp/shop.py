from flask import Blueprint

bp = Blueprint("shop", __name__, url_prefix="/shop")

RULES = (("/cart", "cart"), ("/checkout", "checkout"))


def page():
    return "page"


for rule, endpoint in RULES:
    bp.add_url_rule(rule, endpoint, page, methods=["GET", "POST"])
