from flask import request

settings = {}


def api_key():
    return request.headers.get("X-Api-Key")


# `settings.get(api_key)` is a dict lookup, not `app.get(...)`: it registers no view.
cached = settings.get(api_key)
KEY = api_key()  # expect: FL101
