# skylines-project/skylines skylines/model/__init__.py @ 08448440d9bea4a1c074cc7b3258405a922ea100 (after) the fix 08448440d9bea4a1c074cc7b3258405a922ea100: the Flask-SQLAlchemy instance and models (unchanged by the fix)
# Reduced by hand from the project's file (tests/realbugs/README.md); not a verbatim copy.
from flask.ext.sqlalchemy import SQLAlchemy

db = SQLAlchemy(session_options=dict(expire_on_commit=False))


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.Unicode(255))

    @classmethod
    def get(cls, id):
        return cls.query.get(id)


class TrackingFix(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    pilot_id = db.Column(db.Integer, db.ForeignKey(User.id))
    time = db.Column(db.DateTime)
