from flask import Blueprint, Flask

app = Flask(__name__)
bp = Blueprint("bp", __name__)
api = Blueprint("api", __name__, url_prefix="/api")
shop = Blueprint("shop", __name__, url_prefix="shop")  # expect: FL202


@app.route("about")  # expect: FL202
def about():
    return "about"


@bp.route("users")  # expect: FL202
def users():
    return "users"


@api.route("items")
def items():
    return "works under the prefix: Flask joins '/api' and 'items' with a slash"


@shop.route("/cart")
def cart():
    return "cart"


empty = Blueprint("empty", __name__, url_prefix="")


@empty.route("e/")
def works_under_an_empty_prefix():
    return "Flask joins '' and 'e/' into '/e/'"


app.add_url_rule("", "home", about)  # expect: FL202
app.register_blueprint(empty)
app.register_blueprint(bp)
app.register_blueprint(api)
app.register_blueprint(shop)
