from flask import Blueprint

posts = Blueprint("posts", __name__)


@posts.route("/")
def index():
    return "posts"
