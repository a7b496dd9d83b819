import compat
from flask import Flask

app = Flask(__name__)


@app.route("/hello/<name>")
def hello(name):
    return f"<p>Hello {compat.html_escape(name)}</p>"  # expect: FL506
