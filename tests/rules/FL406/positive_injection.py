import flask
from flask import Flask, render_template_string, request
from markupsafe import Markup

app = Flask(__name__)


@app.route("/hello")
def hello():
    return render_template_string("<h1>Hello " + request.args.get("name", "") + "</h1>")  # expect: FL406


@app.route("/page")
def page():
    template = f"<p>{request.args.get('text')}</p>"
    return flask.render_template_string(template)  # expect: FL406


@app.route("/bio")
def bio():
    return {"html": Markup(request.args.get("bio", ""))}  # expect: FL406


@app.route("/greet")
def greet():
    name = request.cookies.get("name", "")
    greeting = "Hi %s" % name
    return render_template_string(greeting)  # expect: FL406


@app.route("/joined")
def joined():
    parts = ", ".join(request.args.getlist("tag"))
    return render_template_string("<p>{}</p>".format(parts))  # expect: FL406
