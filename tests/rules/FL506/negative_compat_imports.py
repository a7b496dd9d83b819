"""Compatibility code: the removed name is only reached on a Flask that still has it."""

try:
    from markupsafe import Markup, escape
except ImportError:
    from flask import Markup, escape

try:
    from flask.json.provider import DefaultJSONProvider
except ImportError:  # Flask < 2.2
    from flask.json import JSONEncoder as DefaultJSONProvider


def render(text):
    return Markup("<b>%s</b>") % escape(text), DefaultJSONProvider
