from flask import Flask, request
from flask.views import MethodView

app = Flask(__name__)
ALL = ["GET", "POST"]
options = {"methods": ["POST"]}


@app.route("/search")
def search():
    page = request.args.get("page", "1")
    return page


@app.route("/signup", methods=["GET", "POST"])
def signup():
    return request.form.get("name", "")


@app.post("/items")
def create_item():
    return request.get_json()


@app.route("/dynamic", methods=ALL)
def dynamic():
    return request.form.get("name")


@app.route("/options", **options)
def with_options():
    return request.json


def registered_elsewhere():
    # Registered in another module: the methods are not known here.
    return request.form.get("x")


@app.route("/values")
def values():
    # request.values merges the query string and the form: fine on GET.
    return request.values.get("q", "")


class ItemAPI(MethodView):
    def post(self):
        return request.json

    def helper(self):
        return request.form


def not_a_view(request):
    return request.form["name"]


@app.route("/lower", methods=["get", "post"])
def lower_case_methods():
    return request.form.get("x", "")
