"""Code that checks for a context before it uses one."""

import threading

from flask import Flask, current_app, g, has_app_context, has_request_context, request

app = Flask(__name__)


def client_address():
    if has_request_context():
        return request.remote_addr
    return None


def user_agent():
    if not has_request_context():
        return "script"
    return request.headers.get("User-Agent", "")


def tenant():
    if request and request.args.get("tenant"):
        return request.args["tenant"]
    return "default"


def config_value(key):
    if not has_app_context():
        raise LookupError(key)
    return current_app.config[key]


def cached():
    if g:
        return g.get("cache")
    return None


def worker():
    client_address(), user_agent(), tenant(), cached()


threading.Thread(target=worker).start()
LOG_PREFIX = client_address()
