from flask import Blueprint, Flask, request, session
from flask.views import MethodView

app = Flask(__name__)
bp = Blueprint("bp", __name__)


@app.route("/")
def index():
    return request.args.get("q", "")


@bp.post("/login")
def login():
    session["user"] = request.form["user"]
    return "ok"


@app.before_request
def load_user():
    request.user = session.get("user")


@app.errorhandler(404)
def not_found(error):
    return f"{request.path} not found", 404


@bp.app_context_processor
def inject():
    return {"user": session.get("user")}


def add_item():
    session["cart"].append(request.form["item"])
    return "ok"


app.add_url_rule("/add", view_func=add_item, methods=["POST"])


class Items(MethodView):
    def get(self):
        return request.args.get("id", "")


@app.template_global()
def current_path():
    return request.path


with app.test_request_context("/?q=1"):
    assert request.args["q"] == "1"

with app.test_client() as client:
    client.get("/")
    assert request.path == "/"
