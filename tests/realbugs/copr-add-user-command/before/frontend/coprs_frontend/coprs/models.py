# fedora-copr/copr frontend/coprs_frontend/coprs/models.py @ 731a4c410262aa4e04fcea5684e540c03663e9d9 (before) the fix 9d103adb22b0e207ee85619d78afd08bf252c008: the User model (unchanged by the fix)
# Reduced by hand from the project's file (tests/realbugs/README.md); not a verbatim copy.
from coprs import db


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    username = db.Column(db.String(100), nullable=False, unique=True)
    mail = db.Column(db.String(150), nullable=False)
    api_login = db.Column(db.String(40), nullable=False, default="abc")
    api_token = db.Column(db.String(40), nullable=False, default="abc")
