from flask import Flask

app = Flask(__name__)
app.config.update(
    SESSION_COOKIE_SECURE=False,  # expect: FL403
    SESSION_COOKIE_HTTPONLY=False,  # expect: FL403
)


class ProductionConfig:
    SESSION_COOKIE_SAMESITE = None  # expect: FL403


app.config["SESSION_COOKIE_SAMESITE"] = "None"  # expect: FL403
