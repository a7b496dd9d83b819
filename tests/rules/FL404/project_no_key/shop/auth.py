from flask import Blueprint, session

bp = Blueprint("auth", __name__)  # expect: FL210


@bp.post("/logout")
def logout():
    session.clear()  # expect: FL404
    return "bye"
