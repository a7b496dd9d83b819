from flask import Flask

from . import auth


def create_app():
    app = Flask(__name__)
    app.register_blueprint(auth.bp, url_prefix="/login")  # expect: FL203
    return app
