from flask import Flask, make_response

app = Flask(__name__)
COOKIE_OPTIONS = {"secure": True, "httponly": True, "samesite": "Lax"}


@app.route("/a")
def a():
    response = make_response("ok")
    response.set_cookie("token", "abc", secure=True, httponly=True, samesite="Strict")
    response.set_cookie("prefs", "dark", **COOKIE_OPTIONS)
    response.set_cookie("theme", "x", secure=app.config["SECURE"], httponly=True, samesite="Lax")
    response.delete_cookie("old")
    return response


def test_cookie(client):
    client.set_cookie("token", "abc")


class Jar:
    def set_cookie(self, name, value):
        return name, value


@app.route("/b")
def b():
    response = make_response("ok")
    arguments = ("token", "abc", None, None, "/", None, True, True, "Lax")
    response.set_cookie(*arguments)
    return response


@app.route("/csrf")
def csrf_cookie():
    response = make_response("ok")
    response.set_cookie("csrf_token", "t", secure=True, httponly=False, samesite="Strict")
    return response
