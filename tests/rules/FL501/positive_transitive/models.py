from app import db  # expect: FL501


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
