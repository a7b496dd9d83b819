# fedora-copr/copr frontend/coprs_frontend/coprs/__init__.py @ a22af0a1340a73cbaf246d3a16b831729176905a (after) the fix a22af0a1340a73cbaf246d3a16b831729176905a: the app and its Flask-SQLAlchemy instance (unchanged by the fix)
# Reduced by hand from the project's file (tests/realbugs/README.md); not a verbatim copy.
import flask
from flask_sqlalchemy import SQLAlchemy

app = flask.Flask(__name__)
app.config.from_envvar("COPRS_ENVIRON_PRODUCTION")
db = SQLAlchemy(app)
