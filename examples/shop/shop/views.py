import threading

from flask import Blueprint, current_app, render_template_string, request, url_for

from .helpers import current_cart, remember_user

shop = Blueprint("shop", __name__, url_prefix="/shop")

HOME = url_for("shop.index")  # expect: FL103


@shop.route("/")
def index() -> str:
    remember_user(request.args.get("user", "guest"))
    return render_template_string("{{ n }} items", n=len(current_cart()))


@shop.route("/checkout", methods=["POST"])
def checkout() -> str:
    def send_receipt() -> None:
        current_app.logger.info("receipt for %s", request.form["email"])

    threading.Thread(target=send_receipt).start()  # expect: FL104
    return url_for(".index")


class Audit:
    ip = request.remote_addr  # expect: FL101
