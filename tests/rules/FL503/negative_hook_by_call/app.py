"""A teardown hook registered by a call, not a decorator, commits every request."""

from flask import Flask
from flask_sqlalchemy import SQLAlchemy

app = Flask(__name__)
db = SQLAlchemy(app)


class Tag(db.Model):
    id = db.Column(db.Integer, primary_key=True)


def commit_session(response):
    db.session.commit()
    return response


app.after_request(commit_session)


@app.post("/tags")
def add_tag():
    db.session.add(Tag())
    return "ok"
