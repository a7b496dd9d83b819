from flask import Flask

app = Flask(__name__)
app.config["WTF_CSRF_ENABLED"] = False  # expect: FL409


class ProductionConfig:
    WTF_CSRF_ENABLED = False  # expect: FL409


def create_app():
    application = Flask(__name__)
    application.config.update(WTF_CSRF_ENABLED=False)  # expect: FL409
    return application
