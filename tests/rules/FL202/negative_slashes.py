from flask import Blueprint, Flask

app = Flask(__name__)
api = Blueprint("api", __name__, url_prefix="/api")
empty = Blueprint("empty", __name__, url_prefix="")
dynamic = Blueprint("dynamic", __name__)
PREFIX = "/x"


@api.route("")  # an empty rule under a prefix is the prefix itself
def api_root():
    return "root"


@empty.route("/ok")  # an empty prefix is fine
def ok():
    return "ok"


@dynamic.route(PREFIX + "/computed")  # not a literal: not judged
def computed():
    return "?"


@app.route("/")
def index():
    return "index"


@app.route("/<path:rest>")
def catch_all(rest):
    return rest


app.register_blueprint(api)
app.register_blueprint(empty)
app.register_blueprint(dynamic, url_prefix="")
