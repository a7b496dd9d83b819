from flask import Flask

from .blueprint import settings, watches


def changedetection_app(store):
    app = Flask(__name__)
    app.register_blueprint(settings.construct_blueprint(store), url_prefix="/settings")
    app.register_blueprint(watches.construct_blueprint(store))
    return app


def create_app():
    return changedetection_app({"watches": []})
