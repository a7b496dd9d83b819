from flask import Flask
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import select, text
from sqlalchemy.orm import Session

app = Flask(__name__)
db = SQLAlchemy(app)


class Note(db.Model):
    id = db.Column(db.Integer, primary_key=True)

    def save(self):
        db.session.add(self)
        db.session.commit()


@app.post("/a")
def committed():
    db.session.add(Note())
    db.session.commit()
    return "ok"


@app.post("/b")
def in_a_begin_block():
    with db.session.begin():
        db.session.add(Note())
    return "ok"


@app.post("/c")
def helper_commits():
    db.session.add(Note())
    _commit()
    return "ok"


def _commit():
    db.session.commit()


@app.post("/d")
def active_record():
    note = Note()
    note.save()  # a method we cannot follow that commits
    return "ok"


@app.get("/e")
def reads_only():
    db.session.execute(select(Note))
    db.session.execute(text("SELECT 1"))
    return "ok"


def stage(note):
    """A helper nobody registers: its callers decide when to commit."""
    db.session.add(note)


@app.post("/f")
def plain_sqlalchemy():
    with Session(db.engine) as session:
        session.add(Note())
    return "ok"
