from flask import Flask, redirect, url_for

app = Flask(__name__)


@app.route("/users/<int:user_id>")
def user(user_id):
    return "user"


@app.route("/form", methods=["POST"])
def form():
    return "posted"


@app.route("/a")
def a():
    return redirect("https://example.com/users/1")  # another site


@app.route("/b")
def b():
    return redirect("/users/abc")  # no route serves it (int converter)


@app.route("/c")
def c():
    return redirect("/users/1?tab=posts")  # a query string: left alone


@app.route("/d")
def d():
    return redirect(url_for("user", user_id=1))  # already built


@app.route("/e")
def e():
    return redirect("/form")  # only POST there: a redirect is a GET


@app.route("/f")
def f(next_url="/users/1"):
    return redirect(next_url)  # not a literal
