import flask as f
from flask import Flask, request, session
from flask import request as rq

app = Flask(__name__)

LANG = request.accept_languages.best  # expect: FL101
TOKEN = session["token"]  # expect: FL101, FL404
AGENT = f.request.user_agent  # expect: FL101
IS_JSON = rq.is_json  # expect: FL101


class Settings:
    remote = request.remote_addr  # expect: FL101


def view(page=request.args.get("page")):  # expect: FL101
    return page


if session:  # an unbound proxy is false: the test itself never raises
    pass
