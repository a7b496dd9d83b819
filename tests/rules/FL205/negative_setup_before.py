from flask import Blueprint, Flask

app = Flask(__name__)
bp = Blueprint("bp", __name__)
other = Blueprint("other", __name__)
parent = Blueprint("parent", __name__)
child = Blueprint("child", __name__)


@bp.route("/")
def index():
    return "index"


@bp.errorhandler(404)
def not_found(error):
    return "missing", 404


parent.register_blueprint(child)
child.add_url_rule("/x", "x", index)  # parent is not registered yet: fine


def create_app():
    factory_app = Flask(__name__)
    factory_app.register_blueprint(other)
    return factory_app


@other.route("/later")  # registered inside a factory that runs later: fine
def later():
    return "later"


app.register_blueprint(bp)
app.register_blueprint(parent)


@app.route("/after")  # routes on the app itself are fine
def after():
    return "after"


maybe = Blueprint("maybe", __name__)
if app.debug:
    app.register_blueprint(maybe)  # may not run at all


@maybe.route("/")  # only an error when the `if` above ran: not reported
def maybe_index():
    return "maybe"
