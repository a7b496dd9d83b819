import json

from flask import Flask, Response, jsonify

app = Flask(__name__)
HEADERS = {"Content-Type": "application/json"}


@app.route("/a")
def with_headers():
    return json.dumps({"ok": True}), 200, {"Content-Type": "application/json"}


@app.route("/b")
def in_response():
    return Response(json.dumps({"ok": True}), mimetype="application/json")


@app.route("/c")
def with_jsonify():
    return jsonify(ok=True)


@app.route("/d")
def header_variable():
    return json.dumps({"ok": True}), HEADERS


def not_a_view():
    return json.dumps({"ok": True})


@app.route("/e")
def nested():
    def serialise():
        return json.dumps({"ok": True})

    return {"data": serialise()}


class Encoder:
    def dumps(self):
        return "{}"


@app.route("/f")
def custom_dumps():
    json = Encoder()
    return json.dumps()
