from flask import Flask

import cli  # noqa: F401

app = Flask(__name__)
