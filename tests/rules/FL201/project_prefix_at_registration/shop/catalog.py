from flask import Blueprint

catalog = Blueprint("catalog", __name__)


@catalog.route("/catalog/items")  # expect: FL201
def items():
    return "items"


@catalog.route("/catalogue")
def catalogue():
    return "not the same segment"
