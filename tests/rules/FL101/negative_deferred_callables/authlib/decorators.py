from functools import wraps

from flask import current_app, request


def _check_token():
    return request.headers.get("Authentication-Token") == current_app.config["TOKEN"]


def _check_session():
    return "user" in request.cookies


def auth_required(*methods):
    # Stored lambdas run when a request calls them, not when the decorator is applied.
    mechanisms = {"token": lambda: _check_token(), "session": lambda: _check_session()}

    def wrapper(fn):
        @wraps(fn)
        def decorated_view(*args, **kwargs):
            if any(mechanisms[m]() for m in methods or mechanisms):
                return fn(*args, **kwargs)
            return "unauthorised", 401

        return decorated_view

    return wrapper
