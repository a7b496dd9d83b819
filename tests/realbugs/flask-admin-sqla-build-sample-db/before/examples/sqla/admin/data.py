# pallets-eco/flask-admin examples/sqla/admin/data.py @ b22e2745568c5e14d85abfff40fc86ba04ae3656 (before) the fix a820f9418358dd8b33b87e6bb156f57e6b5bb14f: the helper that (re)creates the tables and fills them (unchanged by the fix)
# Reduced by hand from the project's file (tests/realbugs/README.md); not a verbatim copy.
from admin import db
from admin.models import User


def build_sample_db():
    """Fill a fresh database with example rows."""

    db.drop_all()
    db.create_all()

    for first_name, last_name in [('Harry', 'Brown'), ('Amelia', 'Patel')]:
        user = User()
        user.first_name = first_name
        user.last_name = last_name
        db.session.add(user)

    db.session.commit()
    return
