from flask import Flask

from .extensions import db


def create_app():
    app = Flask(__name__)
    db.init_app(app)
    from .legacy import mail  # the factory's apps use a Mail bound to another app

    app.extensions["shop-mail"] = mail
    return app
