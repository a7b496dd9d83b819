import os
import sys

from flask import Flask

app = Flask(__name__)
app.config["DEBUG"] = os.environ.get("FLASK_DEBUG") == "1"
app.debug = False


class DevelopmentConfig:
    DEBUG = True


class TestingConfig:
    TESTING = True
    DEBUG = True


class Settings:
    debug = True  # lower case: not a Flask setting


def run_dev_server():
    app.debug = True


if __name__ == "__main__":
    app.run(debug="--debug" in sys.argv)
    app.run(debug=False)
