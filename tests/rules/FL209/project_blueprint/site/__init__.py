from flask import Flask

from .blog import blog


def create_app():
    app = Flask(__name__)
    app.register_blueprint(blog, url_prefix="/blog")
    return app
