from flask import Flask, current_app, g

app = Flask(__name__)

LOGGER = current_app.logger  # expect: FL102
g.db = None  # expect: FL102


def create_app():
    app = Flask(__name__)
    app.config["DEBUG_TB"] = current_app.debug  # expect: FL102
    with app.app_context():
        current_app.logger.info("inside: fine")
    return app


class Config:
    NAME = current_app.name  # expect: FL102
