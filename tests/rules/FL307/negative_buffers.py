import io

from flask import Flask, send_file

app = Flask(__name__)


@app.route("/a")
def named():
    return send_file(io.BytesIO(b"x"), download_name="report.csv")


@app.route("/b")
def typed():
    return send_file(io.BytesIO(b"x"), mimetype="text/csv")


@app.route("/c")
def a_path():
    return send_file("static/report.csv")


@app.route("/d")
def a_real_file():
    return send_file(open("report.csv", "rb"))


@app.route("/e")
def positional_mimetype():
    return send_file(io.BytesIO(b"x"), "text/csv")


@app.route("/f")
def options():
    extra = {"mimetype": "text/csv"}
    return send_file(io.BytesIO(b"x"), **extra)


def helper(stream):
    return send_file(stream)


def send_file_of_my_own(data):
    return data


@app.route("/g")
def other_send_file():
    return send_file_of_my_own(io.BytesIO(b"x"))
