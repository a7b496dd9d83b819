import logging

import sqlalchemy.exc
from flask import Flask
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy.exc import IntegrityError

app = Flask(__name__)
db = SQLAlchemy(app)
log = logging.getLogger(__name__)


class Tag(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String, unique=True)


@app.route("/tags", methods=["POST"])
def add_tags():
    for name in ["a", "a", "b"]:
        try:
            db.session.add(Tag(name=name))
            db.session.commit()
        except IntegrityError:  # expect: FL504
            continue
    return "ok"


def save(tag):
    """A helper that returns: whether its caller carries on with the failed session is the
    caller's business, which flask-lsp does not follow (not reported)."""
    try:
        db.session.add(tag)
        db.session.commit()
    except sqlalchemy.exc.SQLAlchemyError as error:
        log.warning("could not save %s: %s", tag, error)
        return False
    return True


def remove(server):
    try:
        db.session.commit()
    except sqlalchemy.exc.SQLAlchemyError:  # expect: FL504
        db.session.delete(server)  # the failed session, used again: PendingRollbackError
        db.session.commit()
        return False
    return True


@app.cli.command()
def seed():
    try:
        db.session.commit()
    except:  # expect: FL504
        print("seeding failed")
    db.session.add(Tag(name="default"))
    db.session.commit()


@app.route("/retry", methods=["POST"])
def retry():
    try:
        db.session.commit()
    except (ValueError, Exception):  # expect: FL504
        log.exception("commit failed")
    db.session.add(Tag(name="after"))
    db.session.commit()
    return "ok"


def nested_without_rollback():
    try:
        try:
            db.session.commit()
        except ValueError:  # does not catch database errors
            raise
    except Exception:  # expect: FL504
        log.exception("saving failed")
