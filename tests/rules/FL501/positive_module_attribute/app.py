from flask import Flask

import views  # noqa: F401

app = Flask(__name__)
