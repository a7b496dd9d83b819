from flask import Flask, abort, flash, redirect
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

app = Flask(__name__)
app.config.from_prefixed_env()
db = SQLAlchemy(app)


class Tag(db.Model):
    id = db.Column(db.Integer, primary_key=True)


@app.route("/rolled-back", methods=["POST"])
def rolled_back():
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        flash("taken")
    return "ok"


@app.route("/reraised", methods=["POST"])
def reraised():
    try:
        db.session.commit()
    except Exception:
        app.logger.exception("commit failed")
        raise


@app.route("/aborted", methods=["POST"])
def aborted():
    try:
        db.session.commit()
    except IntegrityError:
        abort(409)


@app.route("/returned", methods=["POST"])
def returned():
    """A view that returns: Flask-SQLAlchemy removes the session when the request ends."""
    try:
        db.session.commit()
    except IntegrityError:
        flash("taken")
        return redirect("/")
    return "ok"


def finally_closes():
    try:
        db.session.commit()
    except Exception:
        pass
    finally:
        db.session.close()


def not_a_db_error():
    try:
        db.session.commit()
    except ValueError:  # commit does not raise ValueError; SQLAlchemy's errors pass through
        pass


def plain_sqlalchemy(engine):
    session = Session(engine)
    try:
        session.commit()
    except Exception:
        pass


def commit_in_a_nested_function():
    try:

        def later():
            db.session.commit()

        return later
    except Exception:
        pass


class Notes:
    db = None

    def save(self):
        try:
            self.db.session.commit()  # not a Flask-SQLAlchemy instance we know
        except Exception:
            pass


def handle_db_error(error):
    db.session.rollback()
    app.logger.warning("rolled back: %s", error)


class ApiError(Exception):
    pass


def fail(message):
    raise ApiError(message)


def via_helpers(tag):
    try:
        db.session.add(tag)
        db.session.commit()
    except IntegrityError as error:
        handle_db_error(error)
    try:
        db.session.commit()
    except Exception:
        fail("could not save")


def nested():
    try:
        try:
            db.session.commit()
        except Exception:
            db.session.rollback()
            raise
    except Exception:  # the inner handler already rolled back
        app.logger.exception("saving failed")
