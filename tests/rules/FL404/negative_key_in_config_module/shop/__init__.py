from flask import Flask, session

app = Flask(__name__)


@app.post("/login")
def login():
    session["user"] = "ada"
    return "ok"
