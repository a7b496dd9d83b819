import os

from flask import Flask, Response, current_app, request, session, url_for

app = Flask(__name__)
app.secret_key = os.environ["SECRET_KEY"]


def rows_for(user):
    return [user, user]


@app.get("/export")
def export():
    def generate():
        for row in rows_for(request.args.get("user")):
            yield f"{row}\n"

    return Response(generate(), mimetype="text/csv")  # expect: FL106


def greeting():
    yield "hello "
    yield session.get("name", "stranger")


@app.get("/hello")
def hello():
    return greeting()  # expect: FL106


@app.get("/hello-status")
def hello_with_status():
    return app.response_class(greeting(), mimetype="text/plain"), 200  # expect: FL106


def report_lines():
    yield current_app.config.get("REPORT_TITLE", "report")
    yield url_for("export")


@app.get("/report")
def report():
    return Response(report_lines())  # expect: FL106
