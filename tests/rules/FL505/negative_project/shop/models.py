import threading

from flask import current_app

from .extensions import db


class Product(db.Model):
    id = db.Column(db.Integer, primary_key=True)


def seed():
    db.session.add(Product())
    db.session.commit()


def reindex(app):
    with app.app_context():
        Product.query.count()


def start_reindex():
    threading.Thread(target=reindex, args=(current_app._get_current_object(),)).start()
