# pallets-eco/flask-admin examples/sqla/admin/models.py @ b22e2745568c5e14d85abfff40fc86ba04ae3656 (before) the fix a820f9418358dd8b33b87e6bb156f57e6b5bb14f: a model of the example (unchanged by the fix)
# Reduced by hand from the project's file (tests/realbugs/README.md); not a verbatim copy.
from admin import db


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    first_name = db.Column(db.String(100))
    last_name = db.Column(db.String(100))
