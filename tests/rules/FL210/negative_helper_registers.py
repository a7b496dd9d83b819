from flask import Blueprint, Flask

bp = Blueprint("helped", __name__)


@bp.route("/")
def index():
    return "index"


def init_app(app):
    app.register_blueprint(bp)  # `app` is a parameter: still a registration


def create_app():
    application = Flask(__name__)
    init_app(application)
    return application
