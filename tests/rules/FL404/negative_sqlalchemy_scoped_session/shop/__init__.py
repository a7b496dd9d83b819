from flask import Flask

from .db import session

app = Flask(__name__)


@app.post("/orders")
def create_order():
    session.add(object())
    session.commit()
    return "ok"
