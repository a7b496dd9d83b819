from flask import Blueprint, Flask, g, url_for

app = Flask(__name__)
bp = Blueprint("i18n", __name__, url_prefix="/<lang_code>")


@bp.url_defaults
def add_language_code(endpoint, values):
    values.setdefault("lang_code", g.lang_code)


@bp.route("/")
def index():
    return url_for(".index")  # lang_code comes from url_defaults


app.register_blueprint(bp)
