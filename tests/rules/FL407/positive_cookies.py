from flask import Flask, make_response

app = Flask(__name__)


@app.route("/a")
def a():
    response = make_response("ok")
    response.set_cookie("token", "abc")  # expect: FL407
    return response


@app.route("/b")
def b():
    response = make_response("ok")
    response.set_cookie("token", "abc", secure=True, httponly=True)  # expect: FL407
    return response


@app.route("/c")
def c():
    response = make_response("ok")
    response.set_cookie("token", "abc", secure=False, httponly=True, samesite="Lax")  # expect: FL407
    return response
