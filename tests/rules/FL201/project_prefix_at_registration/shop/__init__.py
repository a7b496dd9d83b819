from flask import Flask

from .catalog import catalog


def create_app():
    app = Flask(__name__)
    app.register_blueprint(catalog, url_prefix="/catalog")
    return app
