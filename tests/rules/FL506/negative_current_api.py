"""Flask 3 code that looks like the old APIs but is not."""

import json as stdlib_json
from json import JSONEncoder

from flask import Flask, json, send_file, send_from_directory
from flask.json.provider import DefaultJSONProvider
from markupsafe import Markup, escape
from werkzeug.utils import safe_join

app = Flask(__name__)
app.json.sort_keys = False
app.config["SESSION_COOKIE_NAME"] = "s"
app.config["SEND_FILE_MAX_AGE_DEFAULT"] = 0


class Provider(DefaultJSONProvider):
    ensure_ascii = False


class StdEncoder(JSONEncoder):  # the standard library's, not Flask's
    pass


class Env:
    env = "production"  # a class of our own


settings = {"JSON_SORT_KEYS": False}  # a plain dict, not a config
data = stdlib_json.dumps({"a": 1}, cls=stdlib_json.JSONEncoder)
payload = json.dumps({"a": 1})


@app.route("/report")
def report():
    path = safe_join("reports", "r.pdf")
    return send_file(path, download_name="report.pdf", max_age=0, etag=True)


@app.route("/files/<name>")
def files(name):
    return send_from_directory("uploads", name)  # positional: still fine


def render(name):
    return Markup("<b>%s</b>") % escape(name)


class Options:
    def __init__(self, env):
        self.env = env

    def describe(self, other):
        return other.env


class Job:
    def __init__(self, settings):
        self.config = settings
        self.config["ENV"] = "prod"  # some object's own config, not Flask's
