from flask import Flask

from .extensions import db


def create_app():
    app = Flask(__name__)
    db.init_app(app)
    with app.app_context():
        from . import models

        db.create_all()
        models.seed()
        from . import report  # noqa: F401  (its module-level queries run in this context)
    return app
