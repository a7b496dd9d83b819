from flask import Flask, request
from flask import request as rq

app = Flask(__name__)


@app.post("/api")
def api():
    user = request.json["user"]  # expect: FL304
    token = request.get_json()["token"]  # expect: FL304
    return user, token


@app.post("/alias")
def alias():
    return rq.get_json(force=True)["name"]  # expect: FL304


@app.post("/guarded-elsewhere")
def guarded_other_key():
    if "a" in request.json:
        return request.json["b"]  # expect: FL304
    return ""


@app.post("/validated-after")
def validated_after():
    name = request.json["name"]  # expect: FL304
    check(request.json)
    return name


@app.get("/token")
def token():
    return request.headers["X-Token"]  # expect: FL304


def check(payload):
    return payload
