import os

from flask import Flask

app = Flask(__name__)
app.config["SECRET_KEY"] = "dev"  # expect: FL401
app.secret_key = b"\x8a\x1f\x02ZpQ\x9e\xc1\x0b\xd4\x17\x88\xaa\x90\x04\xe5\x7f\x11\x03\xbc"  # expect: FL401
app.config.update(
    SECRET_KEY="a-long-but-still-hard-coded-secret-value",  # expect: FL401
)


class ProductionConfig:
    SECRET_KEY = os.environ.get("SECRET_KEY", "changeme")  # expect: FL401


def create_app():
    application = Flask(__name__)
    application.config.from_mapping({"SECRET_KEY": "secret"})  # expect: FL401
    return application
