# hotosm/tasking-manager backend/__init__.py @ 01138f0e4a2d0b96b83cac5a64b40c9eceae1292 (before) the fix a20ef2c01abb951a5ce1667f85c540c57539cb38: app factory and db (unchanged by the fix)
# Reduced by hand from the project's file (tests/realbugs/README.md); not a verbatim copy.
from flask import Flask
from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()


def create_app(env="backend.config.EnvironmentConfig"):
    app = Flask(__name__)
    app.config.from_object(env)
    db.init_app(app)
    return app
