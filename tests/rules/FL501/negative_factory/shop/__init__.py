"""The application factory: blueprints are imported inside `create_app`."""

from flask import Flask

from .extensions import db


def create_app():
    app = Flask(__name__)
    app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite://"
    db.init_app(app)
    from . import views

    app.register_blueprint(views.bp)
    return app


app = create_app()
