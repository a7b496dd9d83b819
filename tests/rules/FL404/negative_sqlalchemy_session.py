from flask import Flask
from sqlalchemy.orm import Session, sessionmaker

app = Flask(__name__)
session = sessionmaker()()


@app.post("/save")
def save():
    session.add(object())
    session.commit()
    return "ok"


def handler(session: Session):
    session["x"] = 1
