import importlib

from flask import Flask


def create_app():
    app = Flask(__name__)
    with app.app_context():
        # Imported inside an app context: their module-level code may use current_app.
        from . import views

        app.register_blueprint(views.bp)
        for name in ("csv_export",):
            importlib.import_module(f"portal.plugins.{name}")
    return app
