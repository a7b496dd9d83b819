from flask import Blueprint, url_for

products = Blueprint("products", __name__)


@products.route("/<int:product_id>")
def detail(category, product_id):
    return url_for(".detail", product_id=product_id)  # expect: FL208


@products.route("/")
def listing(category):
    return url_for(".listing", category=category)
