from flask import Blueprint, Flask, url_for

app = Flask(__name__)
users = Blueprint("users", __name__, url_prefix="/users")


@users.route("/<int:user_id>")
def show(user_id):
    return url_for("users.edit")  # expect: FL208


@users.route("/<int:user_id>/edit")
def edit(user_id):
    return url_for(".show", page=2)  # expect: FL208


@app.route("/posts/<int:year>/<slug>")
def post(year, slug):
    return "post"


@app.route("/")
def index():
    return url_for("post", year=2024)  # expect: FL208


app.register_blueprint(users)
