from flask import Blueprint

bp = Blueprint("api", __name__)


@bp.get("/status")
def status():
    return {"ok": True}
