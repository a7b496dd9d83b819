import flask as fl
from flask import Blueprint, Flask, request
from flask.views import MethodView

app = Flask(__name__)
bp = Blueprint("api", __name__)  # expect: FL210


@app.route("/signup")
def signup():
    name = request.form.get("name")  # expect: FL301
    return name


@bp.get("/items")
def create_item():
    payload = request.get_json()  # expect: FL301
    return payload


@app.route("/upload", methods=["GET"])
def upload():
    if "file" in fl.request.files:  # expect: FL301
        return "ok"
    return "no file"


def raw_body():
    return request.get_data()  # expect: FL301


app.add_url_rule("/raw", view_func=raw_body)


class ItemAPI(MethodView):
    def get(self):
        return request.json  # expect: FL301


@app.route("/edit")
def edit():
    if request.method == "PUT":  # expect: FL302
        return request.data  # expect: FL301
    return "form"
