from flask import Flask, request
from flask.views import MethodView

app = Flask(__name__)
METHODS = ["GET", "POST"]


@app.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "POST":
        return "posted"
    return "form"


@app.route("/head")
def head():
    # GET routes also answer HEAD.
    if request.method == "HEAD":
        return ""
    return "body"


@app.route("/dynamic", methods=METHODS)
def dynamic():
    if request.method == "POST":
        return "posted"
    return "form"


def unknown_route():
    if request.method == "POST":
        return "posted"
    return "form"


def handler(request):
    # A parameter called request is not Flask's.
    if request.method == "POST":
        return "posted"
    return "form"


@app.route("/a")
@app.route("/b", methods=["PUT"])
def both():
    if request.method == "PUT":
        return "put"
    return "get"


class Things(MethodView):
    def dispatch_helper(self):
        if request.method == "POST":
            return "posted"
        return "other"
