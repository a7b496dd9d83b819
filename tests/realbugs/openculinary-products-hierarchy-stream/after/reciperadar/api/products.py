# openculinary/backend reciperadar/api/products.py @ 02227b9c1ed848e20467db5e7c5aba16932a4c6a (after) the fix 02227b9c1ed848e20467db5e7c5aba16932a4c6a: the streamed generator runs the Flask-SQLAlchemy query after the app context was popped
# Reduced by hand from the project's file (tests/realbugs/README.md); not a verbatim copy.
import json

from flask import Response, stream_with_context

from reciperadar import app, db


# streams one JSON document per line
@stream_with_context
def stream(items):
    for item in items:
        line = json.dumps(item, ensure_ascii=False)
        yield f"{line}\n"


def _product_stream(products):
    for product_name, count in products.all():
        yield {"product": product_name.singular, "recipe_count": count, "id": product_name.id}


@app.route("/products/hierarchy")
def hierarchy():
    products = db.session.query(db.column("name"), db.func.count()).group_by(db.column("name"))
    products = _product_stream(products)
    return Response(stream(products), content_type="application/x-ndjson")
