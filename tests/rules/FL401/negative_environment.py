import os
import secrets

from flask import Flask

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
app.secret_key = os.getenv("SECRET_KEY")
app.config.update(SECRET_KEY=secrets.token_hex())
app.config.from_prefixed_env()


class Config:
    SECRET_KEY = os.environ.get("SECRET_KEY")


class TestingConfig(Config):
    TESTING = True
    SECRET_KEY = os.environ.get("SECRET_KEY", "test-key")


class CiConfig(Config):
    TESTING = True
    SECRET_KEY = "ci"


def make_test_app():
    test_app = Flask(__name__)
    test_app.config.update(TESTING=True, SECRET_KEY="not-secret")
    return test_app


def create_app(test_config=None):
    factory_app = Flask(__name__)
    if test_config is not None:
        factory_app.config["SECRET_KEY"] = "testing"
    return factory_app


# Not Flask's configuration: a plain dict and an unrelated object.
settings = {"SECRET_KEY": "dev"}
app.config["OTHER"] = "dev"
