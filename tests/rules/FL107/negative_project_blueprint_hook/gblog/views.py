from flask import Blueprint, g, request

bp = Blueprint("blog", __name__)


@bp.before_request
def load_user():
    g.user = request.headers.get("X-User")


@bp.get("/me")
def me():
    return {"user": g.user}
