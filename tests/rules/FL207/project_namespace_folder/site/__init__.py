from flask import Flask


def create_app():
    app = Flask(__name__)
    from .home import home  # `home/` has no __init__.py: a namespace folder

    app.register_blueprint(home.home_bp)
    return app
