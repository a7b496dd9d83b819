from flask import Flask

from .blueprints import settings


def create_app(store):
    app = Flask(__name__)
    app.register_blueprint(settings.construct_blueprint(store), url_prefix="/settings")
    return app
