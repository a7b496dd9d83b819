"""A small Flask-SQLAlchemy app whose views show what the FL503-FL505 rules are about."""

from __future__ import annotations

from flask import Flask
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy.exc import IntegrityError

db = SQLAlchemy()


class Tag(db.Model):  # type: ignore[name-defined]
    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String, unique=True)


def create_app() -> Flask:
    app = Flask(__name__)
    app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite://"
    db.init_app(app)
    with app.app_context():
        db.create_all()

    @app.post("/swallow")
    def swallow() -> str:
        """FL504: the duplicate's failed commit is swallowed; the next commit raises."""
        for name in ["a", "a", "b"]:
            try:
                db.session.add(Tag(name=name))
                db.session.commit()
            except IntegrityError:
                continue
        return "ok"

    @app.post("/rollback")
    def rollback() -> str:
        for name in ["a", "a", "b"]:
            try:
                db.session.add(Tag(name=name))
                db.session.commit()
            except IntegrityError:
                db.session.rollback()
        return "ok"

    @app.post("/tag/<name>")
    def add_tag(name: str) -> tuple[str, int]:
        """Not FL504: the view returns, and the session is removed when the request ends."""
        try:
            db.session.add(Tag(name=name))
            db.session.commit()
        except IntegrityError:
            return "taken", 409
        return "ok", 201

    @app.post("/add-only")
    def add_only() -> str:
        """FL503: added, never committed."""
        db.session.add(Tag(name="lost"))
        return "ok"

    @app.post("/add-and-commit")
    def add_and_commit() -> str:
        db.session.add(Tag(name="kept"))
        db.session.commit()
        return "ok"

    @app.get("/names")
    def names() -> list[str]:
        return sorted(tag.name for tag in Tag.query.all())

    return app
