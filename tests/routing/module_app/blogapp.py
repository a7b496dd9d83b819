"""A module-level app: nested blueprints, name= overrides, class-based views, odd slashes."""

from flask import Blueprint, Flask
from flask.views import MethodView, View

app = Flask(__name__, static_url_path="/assets")

parent = Blueprint("parent", __name__, url_prefix="/parent/")
child = Blueprint("child", __name__, url_prefix="child")
grandchild = Blueprint("grandchild", __name__)
docs = Blueprint("docs", __name__, static_folder="files", static_url_path="/docfiles")


def plain(view):
    def wrapper(*args, **kwargs):
        return view(*args, **kwargs)

    return wrapper


@app.route("/")
@app.route("/index.html")
def index():
    return "index"


@app.route("/wrapped")
@plain
def wrapped():
    return "endpoint is `wrapper`"


@app.post("/submit")
def submit():
    return "ok"


@app.route("/options", methods=["GET", "OPTIONS"], strict_slashes=False)
def options():
    return "ok"


@parent.route("")
def parent_home():
    return "parent"


@parent.route("about")
def parent_about():
    return "joined with a slash under the prefix"


@child.route("/<string:name>", endpoint="greet")
def hello(name):
    return name


@grandchild.route("/deep/<path:rest>")
def deep(rest):
    return rest


class Report(View):
    methods = ["GET", "POST"]

    def dispatch_request(self):
        return "report"


class Counter(MethodView):
    def get(self):
        return "0"

    def patch(self):
        return "1"


class SpecialCounter(Counter):
    def delete(self):
        return "gone"


counter_view = Counter.as_view("counter")
app.add_url_rule("/report", view_func=Report.as_view("report"))
app.add_url_rule("/counter", view_func=counter_view)
app.add_url_rule("/counter/again", view_func=counter_view)
docs.add_url_rule("/special", view_func=SpecialCounter.as_view("special"))
docs.add_url_rule("/ping", "ping", lambda: "pong")

child.register_blueprint(grandchild, url_prefix="/g")
parent.register_blueprint(child)
parent.register_blueprint(child, name="second", url_prefix="/second")
app.register_blueprint(parent)
app.register_blueprint(docs, url_prefix="/docs")
