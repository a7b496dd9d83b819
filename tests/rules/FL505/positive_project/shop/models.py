from .extensions import db as database


class Product(database.Model):
    id = database.Column(database.Integer, primary_key=True)
    name = database.Column(database.String)


FIRST = database.session.get(Product, 1)  # expect: FL505
