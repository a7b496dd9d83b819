import os

from flask import Flask

app = Flask(__name__)
app.config.update(
    SESSION_COOKIE_SECURE=True,
    SESSION_COOKIE_HTTPONLY=True,
    SESSION_COOKIE_SAMESITE="Lax",
)
app.config["SESSION_COOKIE_SECURE"] = os.environ.get("HTTPS") == "1"


class DevelopmentConfig:
    SESSION_COOKIE_SECURE = False


class TestingConfig:
    SESSION_COOKIE_SECURE = False
    SESSION_COOKIE_SAMESITE = None


class LocalConfig:
    SESSION_COOKIE_SECURE = False


if app.debug:
    app.config["SESSION_COOKIE_SECURE"] = False

cookie_settings = {"SESSION_COOKIE_SECURE": False}
