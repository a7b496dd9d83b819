from flask import Blueprint, current_app

from .extensions import db

bp = Blueprint("views", __name__)


@bp.route("/")
def index():
    return f"{current_app.name} {db}"
