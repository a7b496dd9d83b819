from flask import Blueprint, Flask

app = Flask(__name__)
main = Blueprint("main", __name__)
empty = Blueprint("empty", __name__)  # no routes: nothing to serve
parent = Blueprint("parent", __name__)
child = Blueprint("child", __name__)
late = Blueprint("late", __name__)


@main.route("/")
def index():
    return "index"


@child.route("/")
def child_index():
    return "child"


@late.route("/")
def late_index():
    return "late"


def create_app():
    factory_app = Flask(__name__)
    factory_app.register_blueprint(late)
    return factory_app


parent.register_blueprint(child)
app.register_blueprint(parent)
app.register_blueprint(main)
