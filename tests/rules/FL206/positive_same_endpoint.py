from flask import Blueprint, Flask
from flask.views import MethodView

app = Flask(__name__)
bp = Blueprint("bp", __name__)


@app.route("/")  # expect: FL206
def index():
    return "index"


@app.route("/home", endpoint="index")  # expect: FL206
def home():
    return "home"


class ItemAPI(MethodView):
    def get(self):
        return "items"


bp.add_url_rule("/items", view_func=ItemAPI.as_view("items"))  # expect: FL206
bp.add_url_rule("/things", view_func=ItemAPI.as_view("items"))  # expect: FL206
app.register_blueprint(bp)


@app.route("/old")  # expect: FL206
def legacy():
    return "old"


@app.route("/new")  # expect: FL206
def legacy():  # noqa: F811  (redefined: another function object for endpoint `legacy`)
    return "new"
