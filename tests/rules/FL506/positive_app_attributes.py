from flask import Blueprint, Flask, send_file, send_from_directory

app = Flask(__name__)
bp = Blueprint("admin", __name__)
app.json_encoder = None  # expect: FL506
app.config["JSON_SORT_KEYS"] = False  # expect: FL506
app.config.update(JSONIFY_PRETTYPRINT_REGULAR=True)  # expect: FL506
app.config.from_json("settings.json")  # expect: FL506


@app.before_first_request  # expect: FL506
def setup():
    pass


@bp.before_app_first_request  # expect: FL506
def setup_admin():
    pass


@app.route("/report")
def report():
    if app.env == "development":  # expect: FL506
        pass
    return send_file("report.pdf", attachment_filename="report.pdf", cache_timeout=0)  # expect: FL506


@app.route("/files/<name>")
def files(name):
    return send_from_directory("uploads", filename=name)  # expect: FL506


class ProductionConfig:
    JSON_AS_ASCII = False  # expect: FL506


def init_app(application):
    application.before_first_request(setup)  # expect: FL506

app.config["ENV"] = "production"  # expect: FL506
