from flask import Flask, render_template, render_template_string, request
from markupsafe import Markup, escape

app = Flask(__name__)
TEMPLATE = "<h1>Hello {{ name }}</h1>"


@app.route("/a")
def as_variable():
    return render_template_string(TEMPLATE, name=request.args.get("name", ""))


@app.route("/b")
def markup_format():
    return Markup("<b>{}</b>").format(request.args.get("q", ""))


@app.route("/c")
def escaped():
    return Markup("<b>" + escape(request.args.get("q", "")) + "</b>")


@app.route("/d")
def a_file_template():
    return render_template("page.html", q=request.args.get("q"))


@app.route("/e")
def markup_percent():
    return Markup("<i>%s</i>") % request.args.get("q", "")


def helper(request):
    return render_template_string(request.args["t"])


@app.route("/f")
def count_only():
    return Markup("<b>%d</b>" % len(request.args))


def load_template(name):
    return TEMPLATE


@app.route("/g")
def looked_up():
    return render_template_string(load_template(request.args.get("name", "default")))


@app.post("/plain-text")
def plain_text():
    # striptags() and unescape() return a plain str: nothing is marked safe.
    title = Markup(request.form["title"]).striptags()
    body = Markup(request.form["body"]).unescape()
    return title + body
