import functools

from flask import Blueprint, Flask
from flask.views import MethodView

app = Flask(__name__)
bp = Blueprint("bp", __name__)
other = Blueprint("other", __name__)


def login_required(view):
    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        return view(*args, **kwargs)

    return wrapper


def logged(view):  # no wraps, but applied after the route took the name
    def wrapper(*args, **kwargs):
        return view(*args, **kwargs)

    return wrapper


@app.route("/")
@app.route("/index")  # one function on two rules
def index():
    return "index"


@bp.route("/")  # `bp.index` is not `index`
def index_bp():
    return "bp"


@bp.route("/home", endpoint="home_page")
def home():
    return "bp home"


@other.route("/")
def index_other():
    return "other"


@app.route("/a")
@login_required
def a():
    return "a"


@app.route("/b")
@login_required
def b():
    return "b"


@logged
@app.route("/c")
def c():
    return "c"


@logged
@app.route("/d")
def d():
    return "d"


class ItemAPI(MethodView):
    def get(self):
        return "items"


item_view = ItemAPI.as_view("items")
app.add_url_rule("/items", view_func=item_view)  # one as_view() result reused
app.add_url_rule("/items/all", view_func=item_view)
app.register_blueprint(bp, url_prefix="/bp")
app.register_blueprint(bp, url_prefix="/bp2", name="bp2")  # same functions under another name
app.register_blueprint(other)


class Registrar:
    def __init__(self, flask_app):
        flask_app.add_url_rule("/r", "registrar", self.index)  # one bound method, two rules
        flask_app.add_url_rule("/r/<page>", "registrar", self.index)

    def index(self, page="1"):
        return page


@app.route("/both")
def both():
    return "decorated and added by hand: one function"


app.add_url_rule("/both/again", view_func=both)
