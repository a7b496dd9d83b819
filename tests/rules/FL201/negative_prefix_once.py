from flask import Blueprint, Flask

app = Flask(__name__)
api = Blueprint("api", __name__, url_prefix="/api")
twice = Blueprint("twice", __name__)
bare = Blueprint("bare", __name__)


@api.route("/apiary")  # a longer word that starts like the prefix
def apiary():
    return "bees"


@api.route("/users/api")  # the prefix's word later in the rule
def users_api():
    return "ok"


@twice.route("/v1/items")  # registered under two prefixes: the rule may mean either
def items():
    return "items"


@bare.route("/api/status")  # no prefix on this blueprint at all
def status():
    return "ok"


@app.route("/api/health")  # app routes have no blueprint prefix
def health():
    return "ok"


app.register_blueprint(api)
app.register_blueprint(twice, url_prefix="/v1")
app.register_blueprint(twice, url_prefix="/v2", name="twice_v2")
app.register_blueprint(bare)
