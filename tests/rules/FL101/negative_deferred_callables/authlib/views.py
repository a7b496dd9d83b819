from flask import Blueprint, current_app

from .decorators import auth_required

bp = Blueprint("account", __name__)


# Applied at import: `auth_required(...)` and `wrapper(view)` run, the request reads do not.
@auth_required(lambda: current_app.config["AUTH_METHODS"])
@bp.route("/account")
def account():
    return "account"


@auth_required("token")
@bp.route("/token")
def token():
    return "token"
