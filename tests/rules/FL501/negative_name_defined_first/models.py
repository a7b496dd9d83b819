from app import db  # `db` is bound before app.py imports this module


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
