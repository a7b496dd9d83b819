from flask import Flask

from .pages import pages
from .users import users


def create_app():
    app = Flask(__name__)
    app.register_blueprint(users, url_prefix="/api/users")
    app.register_blueprint(pages)
    return app
