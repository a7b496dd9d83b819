import pytest
from flask import Flask

app = Flask(__name__)
app.config["WTF_CSRF_ENABLED"] = True


class TestingConfig:
    WTF_CSRF_ENABLED = False


class CIConfig:
    TESTING = True
    WTF_CSRF_ENABLED = False


@pytest.fixture
def client():
    app.config["WTF_CSRF_ENABLED"] = False
    return app.test_client()


def test_login():
    app.config.update(WTF_CSRF_ENABLED=False)


app.config.update(TESTING=True, WTF_CSRF_ENABLED=False)
csrf_settings = {"WTF_CSRF_ENABLED": False}
