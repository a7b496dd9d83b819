import secrets

from flask import Flask, session

from .settings import settings

app = Flask("server")


class Server:
    def run(self):
        global app
        secret_key = settings.get("secretKey") or secrets.token_hex()
        # The key comes from the settings file, through a global the model cannot place.
        app.secret_key = secret_key
        app.run()


@app.route("/login")
def login():
    session["user"] = "someone"
    return "ok"
