"""An app factory with blueprints in a package: the fixture for the route map tests."""

from flask import Flask

from . import pages
from .account import account_bp
from .admin import admin_bp
from .api import api_bp


def create_app() -> Flask:
    app = Flask(__name__)
    app.register_blueprint(pages.bp)
    app.register_blueprint(api_bp, url_prefix="/api/v1")
    app.register_blueprint(admin_bp)
    # One blueprint, two registrations: each needs its own name.
    app.register_blueprint(account_bp, url_prefix="/account")
    app.register_blueprint(account_bp, url_prefix="/me", name="me")

    @app.route("/health", methods=["GET", "HEAD"])
    def health() -> str:
        return "ok"

    app.add_url_rule("/about", "about", pages.about)
    return app
