"""How Flask joins prefixes and rules: every combination of slashes that registers."""

from flask import Blueprint, Flask

app = Flask(__name__, static_folder=None)

root = Blueprint("root", __name__, url_prefix="/")
api = Blueprint("api", __name__, url_prefix="/api/")
empty = Blueprint("empty", __name__, url_prefix="")
bare = Blueprint("bare", __name__)
inner = Blueprint("inner", __name__, url_prefix="/inner/")
leaf = Blueprint("leaf", __name__)


def view():
    return "ok"


root.add_url_rule("", "r0", view)
root.add_url_rule("/", "r1", view)
root.add_url_rule("x", "r2", view)
root.add_url_rule("/x/", "r3", view)
api.add_url_rule("", "a0", view)
api.add_url_rule("/", "a1", view)
api.add_url_rule("x", "a2", view)
api.add_url_rule("//x", "a3", view)
empty.add_url_rule("/e", "e0", view)
empty.add_url_rule("e/", "e1", view)
bare.add_url_rule("/b", "b0", view)
inner.add_url_rule("", "i0", view)
inner.add_url_rule("/i", "i1", view)
leaf.add_url_rule("", "l0", view)
leaf.add_url_rule("/l", "l1", view)

inner.register_blueprint(leaf, url_prefix="leaf/")
api.register_blueprint(inner)
bare.register_blueprint(leaf, url_prefix="/top", name="topleaf")
app.register_blueprint(root)
app.register_blueprint(api)
app.register_blueprint(empty)
app.register_blueprint(bare, url_prefix="/bare/")
