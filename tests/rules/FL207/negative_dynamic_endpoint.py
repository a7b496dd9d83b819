from flask import Flask, url_for

app = Flask(__name__)


def view():
    return "view"


for name in ("alpha", "beta"):
    app.add_url_rule(f"/{name}", endpoint=name, view_func=view)


@app.route("/")
def index():
    return url_for("alpha")
