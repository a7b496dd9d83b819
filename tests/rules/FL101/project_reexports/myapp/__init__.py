from flask import Flask

app = Flask(__name__)

from . import shim, web  # noqa: E402
