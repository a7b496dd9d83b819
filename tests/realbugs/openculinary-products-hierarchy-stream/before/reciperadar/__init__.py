# openculinary/backend reciperadar/__init__.py @ 8cb5bda850e9933f3cb1e09593b96c5ef92cf57e (before) the fix 02227b9c1ed848e20467db5e7c5aba16932a4c6a: app and Flask-SQLAlchemy instance (unchanged by the fix)
# Reduced by hand from the project's file (tests/realbugs/README.md); not a verbatim copy.
from flask import Flask
from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy(session_options={"autoflush": False})


def create_app(db_uri="postgresql+pg8000://api@postgresql/api"):
    app = Flask(__name__)
    app.config.update(SQLALCHEMY_DATABASE_URI=db_uri)
    return app


app = create_app()
db.init_app(app)

import reciperadar.api.products  # noqa: E402
