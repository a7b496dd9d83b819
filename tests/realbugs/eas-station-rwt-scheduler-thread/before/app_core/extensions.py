# KR8MER/eas-station app_core/extensions.py @ fe57554b20022faaec056b681eb403f5a684c955 (before) the fix 5e3038750b59227a58dcba7efd71c9da97afcb73: Flask-SQLAlchemy singleton (unchanged by the fix)
# Reduced by hand from the project's file (tests/realbugs/README.md); not a verbatim copy.
from flask_sqlalchemy import SQLAlchemy

# initialised by the application factory in app.py
db = SQLAlchemy()
