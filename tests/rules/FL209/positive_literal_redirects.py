from flask import Blueprint, Flask, redirect

app = Flask(__name__)
auth = Blueprint("auth", __name__, url_prefix="/auth")


@auth.route("/login")
def login():
    return "login"


@app.route("/users/<int:user_id>")
def user(user_id):
    return "user"


@app.route("/docs/")
def docs():
    return "docs"


@app.route("/logout")
def logout():
    return redirect("/auth/login")  # expect: FL209


@app.route("/me")
def me():
    return redirect("/users/42")  # expect: FL209


@app.route("/help")
def help_page():
    return redirect("/docs")  # expect: FL209


app.register_blueprint(auth)
