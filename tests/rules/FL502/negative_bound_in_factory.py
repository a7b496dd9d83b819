from flask import Flask
from flask_cors import CORS
from werkzeug.middleware.proxy_fix import ProxyFix


class Cache:
    def __init__(self, app=None):
        self.app = app


def create_app():
    app = Flask(__name__)
    CORS(app)  # inside the factory: every app gets its own
    app.wsgi_app = ProxyFix(app.wsgi_app)
    return app


other = create_app()
cache = Cache(other)  # our own class, not an extension
