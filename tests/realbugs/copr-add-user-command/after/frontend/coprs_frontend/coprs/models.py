# fedora-copr/copr frontend/coprs_frontend/coprs/models.py @ 9d103adb22b0e207ee85619d78afd08bf252c008 (after) the fix 9d103adb22b0e207ee85619d78afd08bf252c008: the User model (unchanged by the fix)
# Reduced by hand from the project's file (tests/realbugs/README.md); not a verbatim copy.
from coprs import db


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    username = db.Column(db.String(100), nullable=False, unique=True)
    mail = db.Column(db.String(150), nullable=False)
    api_login = db.Column(db.String(40), nullable=False, default="abc")
    api_token = db.Column(db.String(40), nullable=False, default="abc")
