from flask import Flask, request
from jsonschema import validate
from werkzeug.exceptions import BadRequestKeyError

app = Flask(__name__)

SCHEMA = {"type": "object", "required": ["name"]}


@app.post("/form")
def form_fields():
    # Multi-dicts abort with 400 Bad Request by design: Flask's tutorial indexes them.
    return request.form["name"], request.args["q"], request.files["f"], request.values["v"]


@app.post("/in")
def tested_first():
    if "name" not in request.json:
        return "no name", 400
    return request.json["name"]


@app.post("/keys")
def tested_with_keys():
    if "name" not in request.get_json().keys():
        return "no name", 400
    return request.get_json()["name"]


@app.post("/get")
def tested_with_get():
    if request.json.get("name") is not None:
        return request.json["name"]
    return "no name", 400


@app.post("/loop")
def loop_over_keys():
    return {k: request.json[k] for k in request.json}


@app.post("/loop-items")
def loop_over_items():
    out = []
    for key, _ in request.json.items():
        out.append(request.json[key])
    return out


@app.post("/schema")
def validated():
    validate(request.json, SCHEMA)
    return request.json["name"]


@app.post("/try")
def in_try():
    try:
        return request.json["name"]
    except KeyError:
        return "missing", 400


@app.post("/try-werkzeug")
def in_try_werkzeug():
    try:
        return request.headers["X-Token"]
    except (ValueError, BadRequestKeyError):
        return "missing", 400


@app.post("/header-checked")
def header_checked():
    if "X-Token" in request.headers:
        return request.headers["X-Token"]
    return "", 401


def handler(request):
    return request.json["name"]


@app.post("/f")
def local_dict():
    data = {"name": "x"}
    return data["name"]
