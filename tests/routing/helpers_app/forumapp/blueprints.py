from .forum.views import forum


def configure_blueprints(app):
    app.register_blueprint(forum, url_prefix="/forum")
