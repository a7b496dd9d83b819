import json
import json as j

import flask
from flask import Flask

app = Flask(__name__)


@app.route("/a")
def a():
    return json.dumps({"ok": True})  # expect: FL306


@app.route("/b")
def b():
    items = [1, 2]
    return j.dumps(items), 201  # expect: FL306


@app.get("/c")
def c():
    return flask.json.dumps({"ok": True})  # expect: FL306
