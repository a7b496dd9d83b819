from . import main
from .auth import roles


@main.route("/shop")  # expect: FL206
def index():
    return "shop"


@main.route("/cart")  # expect: FL206
@roles("customer")
def cart():
    return "cart"


@main.route("/orders")  # expect: FL206
@roles("customer")
def orders():
    return "orders"
