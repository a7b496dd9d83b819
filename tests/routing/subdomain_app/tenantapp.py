"""Subdomains: on a blueprint, at registration, nested (joined with a dot) and per route."""

from flask import Blueprint, Flask

app = Flask(__name__, subdomain_matching=True)
app.config["SERVER_NAME"] = "example.test"

api = Blueprint("api", __name__, subdomain="api")
v1 = Blueprint("v1", __name__, subdomain="v1", url_prefix="/v1")
admin = Blueprint("admin", __name__)


@app.route("/")
def home():
    return "home"


@app.route("/", subdomain="<tenant>")
def tenant_home(tenant):
    return tenant


@api.route("/status")
def status():
    return "ok"


@v1.route("/items")
def items():
    return "items"


@admin.route("/")
def dashboard():
    return "admin"


api.register_blueprint(v1)
app.register_blueprint(api)
app.register_blueprint(admin, subdomain="staff")
