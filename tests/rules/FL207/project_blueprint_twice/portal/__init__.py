from flask import Flask

from .account import account


def create_app():
    app = Flask(__name__)
    app.register_blueprint(account, url_prefix="/account")
    app.register_blueprint(account, url_prefix="/me", name="me")
    return app
