from flask import Flask

from .views import main


def create_app():
    app = Flask(__name__)
    app.register_blueprint(main)
    register_extras(app)
    app.register_blueprint(main, url_prefix="/again")  # expect: FL204
    return app


def register_extras(app):
    app.register_blueprint(main, name="main_again")


def create_admin_app():
    admin = Flask(__name__)
    admin.register_blueprint(main)
    return admin
