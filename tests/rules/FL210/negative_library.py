"""A reusable blueprint with no app in the workspace: the user's project registers it."""

from flask import Blueprint

bp = Blueprint("widgets", __name__)


@bp.route("/widgets")
def widgets():
    return "widgets"
