"""The classic mistake: the views are imported before the app exists."""

from flask import Flask

import views  # noqa: F401  (registers the routes)

app = Flask(__name__)
