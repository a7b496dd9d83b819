import io
from io import BytesIO

from flask import Flask, send_file
from flask import send_file as send

app = Flask(__name__)


@app.route("/a")
def a():
    return send_file(io.BytesIO(b"data"))  # expect: FL307


@app.route("/b")
def b():
    buffer = BytesIO()
    buffer.write(b"csv")
    buffer.seek(0)
    return send_file(buffer, as_attachment=True)  # expect: FL307


@app.route("/c")
def c():
    return send(io.StringIO("text"))  # expect: FL307
