"""A small shop, written with the mistakes flask-lsp catches (each marked `# expect: CODE`)."""

from flask import Flask, current_app

from .helpers import current_cart


def create_app() -> Flask:
    app = Flask(__name__)
    app.config.from_prefixed_env()
    current_app.logger.info("starting")  # expect: FL102

    from .views import shop

    app.register_blueprint(shop)

    app.app_context()  # expect: FL105
    print("ready")
    return app


DEFAULT_CART = current_cart()  # expect: FL101
