# skylines-project/skylines skylines/__init__.py @ 4dc7ecdf42cdbc3fabde415ea13dddfe9d817af4 (after) the fix 4dc7ecdf42cdbc3fabde415ea13dddfe9d817af4: the app and db the scripts import (unchanged by the fix)
# Reduced by hand from the project's file (tests/realbugs/README.md); not a verbatim copy.
from flask import Flask
from flask.ext.sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config.from_envvar('SKYLINES_CONFIG')
db = SQLAlchemy(app, session_options=dict(expire_on_commit=False))
