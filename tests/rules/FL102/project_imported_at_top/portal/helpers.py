from flask import current_app


def default_title():
    return current_app.name.title()
