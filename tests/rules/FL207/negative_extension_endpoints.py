from flask import Flask, url_for
from flask_debugtoolbar import DebugToolbarExtension

app = Flask(__name__)
toolbar = DebugToolbarExtension(app)


@app.route("/")
def index():
    return url_for("_debug_toolbar.static", filename="toolbar.css")  # the extension's endpoint
