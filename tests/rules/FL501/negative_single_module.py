"""One module on its own: importing the app from itself or from a module that is not ours."""

from flask import Flask, current_app

app = Flask(__name__)


def app_name():
    from negative_single_module import app as same  # the module itself, already complete

    return same.name == current_app.name
