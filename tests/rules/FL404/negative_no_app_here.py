# A blueprint module on its own: the app (and its configuration) is elsewhere.
from flask import Blueprint, session

bp = Blueprint("auth", __name__)


@bp.post("/login")
def login():
    session["user"] = "ada"
    return "ok"
