from flask import Blueprint, Flask

app = Flask(__name__)
admin = Blueprint("admin", __name__)  # expect: FL210
reports = Blueprint("reports", __name__, url_prefix="/reports")  # expect: FL210
parent = Blueprint("parent", __name__)  # expect: FL210
child = Blueprint("child", __name__)


@admin.route("/")
def dashboard():
    return "admin"


@reports.get("/daily")
def daily():
    return "daily"


@child.route("/")
def child_index():
    return "child"


parent.register_blueprint(child)  # the parent itself is never registered
