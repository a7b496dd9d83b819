# fedora-copr/copr frontend/coprs_frontend/coprs/__init__.py @ 9d103adb22b0e207ee85619d78afd08bf252c008 (after) the fix 9d103adb22b0e207ee85619d78afd08bf252c008: the app and its Flask-SQLAlchemy instance (unchanged by the fix)
# Reduced by hand from the project's file (tests/realbugs/README.md); not a verbatim copy.
import flask
from flask_sqlalchemy import SQLAlchemy

app = flask.Flask(__name__)
app.config.from_envvar("COPRS_ENVIRON_PRODUCTION")
db = SQLAlchemy(app)
