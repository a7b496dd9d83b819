from flask import Flask, session


def create_app():
    app = Flask(__name__)
    app.config.from_object("shop.settings")
    return app


def remember():
    session["seen"] = True
