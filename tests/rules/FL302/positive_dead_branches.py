from flask import Blueprint, Flask, redirect, request
from flask.views import MethodView

app = Flask(__name__)
bp = Blueprint("auth", __name__)  # expect: FL210


@app.route("/login")
def login():
    if request.method == "POST":  # expect: FL302
        return redirect("/")
    return "form"


@bp.route("/profile", methods=("GET", "PUT"))
def profile():
    if request.method in ("PUT", "PATCH"):  # expect: FL302
        return "saved"
    return "profile"


@app.get("/delete")
def delete_item():
    if "DELETE" == request.method:  # expect: FL302
        return "gone"
    return "confirm"


class Things(MethodView):
    def get(self):
        if request.method != "POST":  # expect: FL302
            return "list"
        return "never"
