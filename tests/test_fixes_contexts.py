"""Each context quick fix, applied: the snippet before, the finding, the snippet after."""

from __future__ import annotations

import ast
from textwrap import dedent

import pytest

from flask_lsp.engine.checker import check_text

from .fixes import apply_fix

CASES = [
    pytest.param(
        "FL102",
        """\
        from flask import Flask, current_app

        app = Flask(__name__)
        current_app.config["READY"] = True
        """,
        """\
        from flask import Flask, current_app

        app = Flask(__name__)
        with app.app_context():
            current_app.config["READY"] = True
        """,
        id="wrap-module-statement-in-app-context",
    ),
    pytest.param(
        "FL102",
        """\
        from flask import Flask, g


        def create_app():
            application = Flask(__name__)
            g.started = True
            return application
        """,
        """\
        from flask import Flask, g


        def create_app():
            application = Flask(__name__)
            with application.app_context():
                g.started = True
            return application
        """,
        id="wrap-factory-statement-using-the-local-app",
    ),
    pytest.param(
        "FL104",
        """\
        import threading

        from flask import Flask, request

        app = Flask(__name__)


        @app.post("/mail")
        def mail():
            def send():
                print(request.form["to"])

            threading.Thread(target=send).start()
            return "queued"
        """,
        """\
        import threading

        from flask import Flask, request
        from flask import copy_current_request_context

        app = Flask(__name__)


        @app.post("/mail")
        def mail():
            @copy_current_request_context
            def send():
                print(request.form["to"])

            threading.Thread(target=send).start()
            return "queued"
        """,
        id="copy-request-context-to-nested-thread-target",
    ),
    pytest.param(
        "FL104",
        """\
        from concurrent.futures import ThreadPoolExecutor

        from flask import Flask, current_app

        app = Flask(__name__)
        executor = ThreadPoolExecutor()


        def report(app_object):
            return app_object.name


        @app.get("/report")
        def start_report():
            executor.submit(report, current_app)
            return "started"
        """,
        """\
        from concurrent.futures import ThreadPoolExecutor

        from flask import Flask, current_app

        app = Flask(__name__)
        executor = ThreadPoolExecutor()


        def report(app_object):
            return app_object.name


        @app.get("/report")
        def start_report():
            executor.submit(report, current_app._get_current_object())
            return "started"
        """,
        id="pass-the-real-app-object",
    ),
    pytest.param(
        "FL105",
        """\
        from flask import Flask

        app = Flask(__name__)


        def setup(db):
            app.app_context()
            db.create_all()
            db.session.commit()
        """,
        """\
        from flask import Flask

        app = Flask(__name__)


        def setup(db):
            with app.app_context():
                db.create_all()
                db.session.commit()
        """,
        id="enter-the-context-with-a-with-block",
    ),
]


@pytest.mark.parametrize(("code", "before", "after"), CASES)
def test_fix(code: str, before: str, after: str) -> None:
    before, after = dedent(before), dedent(after)
    (finding,) = [f for f in check_text(before) if f.code == code]
    fixed = apply_fix(before, finding)
    assert fixed == after
    ast.parse(fixed)
    assert not [f for f in check_text(fixed) if f.code == code]
