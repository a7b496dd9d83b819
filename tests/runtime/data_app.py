"""A small Flask app whose views make the mistakes FL3xx/FL4xx flag (imported by the tests only)."""

from __future__ import annotations

import io
import json

from flask import Flask, render_template_string, request, send_file, session


def create_app(secret_key: str | None = "test-only-key") -> Flask:
    app = Flask(__name__)
    app.config["TESTING"] = True
    app.config["SESSION_COOKIE_SECURE"] = False
    if secret_key is not None:
        app.config["SECRET_KEY"] = secret_key

    @app.route("/login")
    def login() -> str:
        if request.method == "POST":
            return "posted"
        return "form"

    @app.route("/form", methods=["POST"])
    def form() -> str:
        return request.form["name"]

    @app.route("/header")
    def header() -> str:
        return request.headers["X-Token"]

    @app.route("/cookie-value")
    def cookie_value() -> str:
        return request.cookies["token"]

    @app.route("/page")
    def page() -> str:
        value = request.args.get("page", 1)
        return type(value).__name__

    @app.route("/page-int")
    def page_int() -> str:
        return repr(request.args.get("page", 1, type=int))

    @app.route("/dumps")
    def dumps() -> str:
        return json.dumps({"ok": True})

    @app.route("/download")
    def download() -> object:
        return send_file(io.BytesIO(b"data"))

    @app.route("/json", methods=["GET", "POST"])
    def read_json() -> object:
        return request.get_json()

    @app.route("/json-key", methods=["POST"])
    def json_key() -> object:
        return request.json["user"]

    @app.route("/either", methods=["POST"])
    def either() -> dict[str, object]:
        return {"form": dict(request.form), "json": request.get_json(silent=True)}

    @app.route("/remember", methods=["POST"])
    def remember() -> str:
        session["user"] = "ada"
        return "ok"

    @app.route("/whoami")
    def whoami() -> str:
        return str(session.get("user", "anonymous"))

    @app.route("/hello")
    def hello() -> str:
        return render_template_string("Hello " + request.args.get("name", ""))

    @app.route("/cookie")
    def cookie() -> object:
        response = app.make_response("ok")
        response.set_cookie("token", "abc")
        return response

    return app
