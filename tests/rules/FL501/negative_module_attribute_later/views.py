"""`app.app` is only read inside a function, called once the app exists."""

import app


def register():
    @app.app.route("/")
    def index():
        return "hello"
