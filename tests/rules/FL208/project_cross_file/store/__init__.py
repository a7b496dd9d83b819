from flask import Flask

from .products import products


def create_app():
    app = Flask(__name__)
    app.register_blueprint(products, url_prefix="/products/<category>")
    return app
