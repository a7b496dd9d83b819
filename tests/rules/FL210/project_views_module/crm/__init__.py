from flask import Flask

from .contacts import contacts


def create_app():
    app = Flask(__name__)
    app.register_blueprint(contacts)
    return app
