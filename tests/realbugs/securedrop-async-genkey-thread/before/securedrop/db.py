# freedomofpress/securedrop securedrop/db.py @ 1ee6f5ea92794d2ded50759b47689693b2ba2f53 (before) the fix 638cec8d01944bacf692560e94994566897a02c6: the Flask-SQLAlchemy instance (unchanged by the fix)
# Reduced by hand from the project's file (tests/realbugs/README.md); not a verbatim copy.
from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()
