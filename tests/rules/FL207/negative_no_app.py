"""A library of views: no app in this workspace, so endpoints cannot be judged."""

from flask import Blueprint, url_for

bp = Blueprint("lib", __name__)


@bp.route("/")
def index():
    return url_for("somewhere.else")
