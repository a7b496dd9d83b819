from flask import Flask

from . import api, pages, shop

BLUEPRINTS = (pages.bp, shop.bp)


def extra_blueprints():
    return [api.bp]


def create_app():
    app = Flask(__name__)
    for blueprint in BLUEPRINTS:
        app.register_blueprint(blueprint)
    for blueprint, prefix, name in [(api.bp, "/api/v1", "v1"), (api.bp, "/api/v2", "v2")]:
        app.register_blueprint(blueprint, url_prefix=prefix, name=name)
    for blueprint in extra_blueprints():
        app.register_blueprint(blueprint, url_prefix="/api/latest")
    return app
