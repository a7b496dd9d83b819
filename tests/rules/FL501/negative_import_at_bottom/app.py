"""Flask's "larger applications" pattern: import the views at the end, once `app` exists."""

from flask import Flask

app = Flask(__name__)

import views  # noqa: E402, F401
