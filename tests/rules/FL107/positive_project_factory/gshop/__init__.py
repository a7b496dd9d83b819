import sqlite3

from flask import Flask, g


def create_app():
    app = Flask(__name__)
    app.config["DATABASE"] = ":memory:"

    with app.app_context():
        g.db = sqlite3.connect(app.config["DATABASE"])
        g.currency = "EUR"
        g.visits = 0  # also set by the `before_request` hook below: read safely

    @app.before_request
    def count_visit():
        g.visits = 1

    from .views import bp

    app.register_blueprint(bp, url_prefix="/shop")
    return app
