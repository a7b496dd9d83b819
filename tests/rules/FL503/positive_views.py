from flask import Flask, request
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import update

app = Flask(__name__)
db = SQLAlchemy(app)


class Note(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    text = db.Column(db.String)


@app.post("/notes")
def create_note():
    note = Note(text=request.form.get("text", ""))
    db.session.add(note)  # expect: FL503
    return {"id": note.id}, 201


@app.delete("/notes/<int:note_id>")
def delete_note(note_id):
    db.session.delete(db.get_or_404(Note, note_id))  # expect: FL503
    db.session.flush()  # a flush is not a commit
    return "", 204


@app.post("/notes/archive")
def archive():
    db.session.execute(update(Note).values(text=""))  # expect: FL503
    return "ok"


@app.post("/notes/purge")
def purge():
    Note.query.filter_by(text="").delete()  # expect: FL503
    return "ok"


@app.cli.command()
def seed():
    db.session.add_all([Note(text="a"), Note(text="b")])  # expect: FL503
