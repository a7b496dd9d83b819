from flask import Blueprint

deals = Blueprint("deals", __name__, url_prefix="/deals")  # expect: FL210


@deals.route("/")
def listing():
    return "deals"
