import flask
from flask import Flask, request

app = Flask(__name__)


@app.route("/items")
def items():
    page = request.args.get("page", 1)  # expect: FL305
    ratio = flask.request.args.get("ratio", default=0.5)  # expect: FL305
    offset = request.values.get("offset", -10)  # expect: FL305
    debug = request.args.get("debug", False)  # expect: FL305
    return page, ratio, offset, debug


@app.route("/compared-with-number")
def compared_with_number():
    return str(request.args.get("page", 1) == 1)  # expect: FL305
