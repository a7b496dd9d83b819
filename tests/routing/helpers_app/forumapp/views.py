from .helpers import register_api


def index():
    return "index"


def health():
    return "ok"


def configure_views(app):
    app.add_url_rule("/", "index", index)
    register_api(app, "/health", health)
