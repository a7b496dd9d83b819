"""A project that commits for every request in a teardown hook."""

from flask import Flask

from .extensions import db

app = Flask(__name__)
db.init_app(app)


@app.teardown_request
def commit_session(exc):
    if exc is None:
        db.session.commit()


@app.post("/tags")
def add_tag():
    from .models import Tag

    db.session.add(Tag())
    return "ok"
