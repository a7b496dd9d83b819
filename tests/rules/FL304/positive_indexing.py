from flask import Flask, request
from flask import request as rq

app = Flask(__name__)


@app.post("/signup")
def signup():
    name = request.form["name"]  # expect: FL304
    page = rq.args["page"]  # expect: FL304
    upload = request.files["avatar"]  # expect: FL304
    return name, page, upload


@app.post("/api")
def api():
    user = request.json["user"]  # expect: FL304
    token = request.get_json()["token"]  # expect: FL304
    return user, token


@app.post("/guarded-elsewhere")
def guarded_other_key():
    if "a" in request.form:
        return request.form["b"]  # expect: FL304
    return ""


@app.get("/token")
def token():
    return request.headers["X-Token"]  # expect: FL304
