from flask import Flask

app = Flask(__name__)


def login_required(view):
    def wrapper(*args, **kwargs):
        return view(*args, **kwargs)

    return wrapper


@app.route("/profile")  # expect: FL206
@login_required
def profile():
    return "profile"


@app.route("/settings")  # expect: FL206
@login_required
def settings():
    return "settings"
