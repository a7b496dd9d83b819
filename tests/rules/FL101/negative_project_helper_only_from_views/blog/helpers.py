from flask import request, session


def current_user():
    return session.get("user")


def wants_json():
    return request.accept_mimetypes.best == "application/json"


def page_title():
    return f"{current_user()} - blog"
