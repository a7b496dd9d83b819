# KR8MER/eas-station app_core/extensions.py @ 5e3038750b59227a58dcba7efd71c9da97afcb73 (after) the fix 5e3038750b59227a58dcba7efd71c9da97afcb73: Flask-SQLAlchemy singleton (unchanged by the fix)
# Reduced by hand from the project's file (tests/realbugs/README.md); not a verbatim copy.
from flask_sqlalchemy import SQLAlchemy

# initialised by the application factory in app.py
db = SQLAlchemy()
