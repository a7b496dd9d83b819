from flask import Flask, session
from flask import session as user_session

app = Flask(__name__)


@app.post("/login")
def login():
    session["user"] = "ada"  # expect: FL404
    user_session["role"] = "admin"
    return "ok"
