from flask import Blueprint, Flask

app = Flask(__name__)
bp = Blueprint("bp", __name__)
child = Blueprint("child", __name__)


@bp.route("/")
def index():
    return "index"


app.register_blueprint(bp)


@bp.route("/late")  # expect: FL205
def late():
    return "late"


@bp.before_request  # expect: FL205
def check():
    pass


bp.register_blueprint(child)  # expect: FL205
