from flask import Blueprint, Flask

main = Blueprint("main", __name__)

from . import pages, shop  # noqa: E402  (the views need `main`)


def create_app():
    app = Flask(__name__)
    app.register_blueprint(main)
    return app
