from flask import Flask, url_for

app = Flask(__name__)


def index():
    return url_for("about")


def about():
    return url_for("index")


app.route("/")(index)  # the decorator, called by hand
app.get("/about")(about)
