from flask import Blueprint


def construct_blueprint(store):
    bp = Blueprint("watches", __name__, url_prefix="/watches")

    def listing():
        return str(store["watches"])

    bp.add_url_rule("/", "listing", listing)
    return bp
