"""Uses that a guard nearby does not cover."""

from flask import Flask, current_app, has_app_context, has_request_context, request

app = Flask(__name__)


def address():
    if has_request_context():
        pass
    return request.remote_addr  # after the guarded block: not covered


def agent():
    if not has_request_context():
        print("no request")  # does not leave: what follows is not covered
    return request.headers.get("User-Agent", "")


def setting(key):
    if request.args.get("debug") and has_app_context():  # the first operand is not guarded
        return current_app.config[key]
    return None


VALUES = (address(), agent())  # expect: FL101
DEBUG = setting("DEBUG")  # expect: FL101, FL102
