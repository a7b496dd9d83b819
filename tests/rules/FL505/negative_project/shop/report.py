"""Imported only inside `with app.app_context()` in the factory: its top level has a context."""

from .models import Product

TOTAL = Product.query.count()
