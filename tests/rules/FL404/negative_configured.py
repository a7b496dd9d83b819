import os

from flask import Flask, session

app = Flask(__name__)
app.config.from_prefixed_env()
app.secret_key = os.environ.get("SECRET_KEY")


@app.post("/login")
def login():
    session["user"] = "ada"
    return "ok"
