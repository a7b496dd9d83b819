from flask import Blueprint, Flask

app = Flask(__name__)
api = Blueprint("api", __name__, url_prefix="/api")
admin = Blueprint("admin", __name__)


@api.route("/api/users")  # expect: FL201
def users():
    return "users"


@api.get("/api")  # expect: FL201
def root():
    return "root"


@admin.route("/admin/reports/<int:page>")  # expect: FL201
def reports(page):
    return str(page)


app.register_blueprint(api)
app.register_blueprint(admin, url_prefix="/admin/")
