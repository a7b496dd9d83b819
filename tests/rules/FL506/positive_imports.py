import flask
from flask import Flask, escape  # expect: FL506
from flask import Markup  # expect: FL506
from flask import _app_ctx_stack, _request_ctx_stack  # expect: FL506
from flask import json
from flask.helpers import safe_join  # expect: FL506
from flask.json import JSONEncoder  # expect: FL506

app = Flask(__name__)


class Encoder(json.JSONEncoder):  # expect: FL506
    pass


def banner(name):
    return flask.Markup("<b>%s</b>") % name  # expect: FL506


VERSION = flask.__version__  # expect: FL506
