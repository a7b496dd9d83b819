from flask import Blueprint

from . import helpers
from .helpers import page_title, wants_json

bp = Blueprint("blog", __name__)


@bp.route("/")
def index():
    if wants_json():
        return {"title": page_title()}
    return helpers.current_user() or "anonymous"
