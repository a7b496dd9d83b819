from flask import Flask

from .extensions import db
from .models import Product


def create_app():
    app = Flask(__name__)
    app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite://"
    db.init_app(app)
    db.create_all()  # expect: FL505
    if not Product.query.first():  # expect: FL505
        seed()  # expect: FL505
    return app


def seed():
    db.session.add(Product(name="teapot"))
    db.session.commit()
