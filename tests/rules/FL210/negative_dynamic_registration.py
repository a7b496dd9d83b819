from flask import Blueprint, Flask

app = Flask(__name__)
one = Blueprint("one", __name__)
two = Blueprint("two", __name__)


@one.route("/")
def first():
    return "1"


@two.route("/")
def second():
    return "2"


for bp in (one, two):
    app.register_blueprint(bp)
