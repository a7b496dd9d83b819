from flask import Flask, g


def create_app():
    app = Flask(__name__)
    with app.app_context():
        g.user = None  # also set per request by the blueprint's hook

    from .views import bp

    app.register_blueprint(bp)
    return app
