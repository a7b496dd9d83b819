from flask import Blueprint, g, jsonify

bp = Blueprint("shop", __name__)


@bp.get("/items")
def items():
    rows = g.db.execute("select 1").fetchall()  # expect: FL107
    return jsonify(rows=rows)


@bp.get("/price")
def price():
    return jsonify(currency=g.currency)  # expect: FL107


@bp.get("/visits")
def visits():
    return jsonify(visits=g.visits)


@bp.get("/safe")
def safe():
    db = g.get("db")
    currency = getattr(g, "currency", "USD")
    return jsonify(connected=db is not None, ready="db" in g, currency=currency)


@bp.app_errorhandler(404)
def missing(error):
    return jsonify(error="not found", currency=g.currency), 404  # expect: FL107
