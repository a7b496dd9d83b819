# fedora-copr/copr frontend/coprs_frontend/coprs/models.py @ a22af0a1340a73cbaf246d3a16b831729176905a (after) the fix a22af0a1340a73cbaf246d3a16b831729176905a: the Package model (unchanged by the fix)
# Reduced by hand from the project's file (tests/realbugs/README.md); not a verbatim copy.
from coprs import db


class Package(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(100), nullable=False)
    source_type = db.Column(db.Integer, default=0)
    source_json = db.Column(db.Text)
    webhook_rebuild = db.Column(db.Boolean, default=False)
