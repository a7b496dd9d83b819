import flask
from flask import Flask, request

app = Flask(__name__)


@app.post("/items")
def create_item():
    name = request.form.get("name")  # expect: FL303
    data = request.get_json()
    return {"name": name, "data": data}


@app.post("/login")
def login():
    payload = flask.request.json or flask.request.form  # expect: FL303
    return payload


def read_payload():
    user = request.get_json(force=True)
    if not user:
        user = request.form.to_dict()  # expect: FL303
    return user
