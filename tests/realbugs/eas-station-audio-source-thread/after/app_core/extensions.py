# KR8MER/eas-station app_core/extensions.py @ 0164b90be12539b1c269024bfeb36732b63b5359 (after) the fix 0164b90be12539b1c269024bfeb36732b63b5359: Flask-SQLAlchemy singleton (unchanged by the fix)
# Reduced by hand from the project's file (tests/realbugs/README.md); not a verbatim copy.
from flask_sqlalchemy import SQLAlchemy

# initialised by the application factory in app.py
db = SQLAlchemy()
