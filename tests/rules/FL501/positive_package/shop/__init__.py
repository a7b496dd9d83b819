from flask import Flask

from . import admin, views  # noqa: F401

app = Flask(__name__)
