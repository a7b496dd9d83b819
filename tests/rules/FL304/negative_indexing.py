from flask import Flask, request
from werkzeug.exceptions import BadRequestKeyError

app = Flask(__name__)


@app.post("/a")
def with_get():
    return request.form.get("name", ""), request.args.get("page", "1", type=int)


@app.post("/b")
def tested_first():
    if "file" not in request.files:
        return "no file", 400
    return request.files["file"].filename


@app.post("/c")
def in_try():
    try:
        return request.form["name"]
    except KeyError:
        return "missing", 400


@app.post("/d")
def in_try_werkzeug():
    try:
        return request.args["q"]
    except (ValueError, BadRequestKeyError):
        return "missing", 400


@app.post("/e")
def list_access():
    return request.form.getlist("tag")[0], request.args.to_dict()["x"]


def handler(request):
    return request.form["name"]


@app.post("/f")
def local_dict():
    data = {"name": "x"}
    return data["name"]
