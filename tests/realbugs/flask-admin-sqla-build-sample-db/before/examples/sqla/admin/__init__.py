# pallets-eco/flask-admin examples/sqla/admin/__init__.py @ b22e2745568c5e14d85abfff40fc86ba04ae3656 (before) the fix a820f9418358dd8b33b87e6bb156f57e6b5bb14f: the example's app and db (unchanged by the fix)
# Reduced by hand from the project's file (tests/realbugs/README.md); not a verbatim copy.
from flask import Flask
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
app.config.from_pyfile('config.py')
db = SQLAlchemy(app)
