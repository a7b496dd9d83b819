"""Quick fixes of the structure and data-layer rules (FL5xx), applied: the code before and after."""

from __future__ import annotations

import ast
from textwrap import dedent

import pytest

from flask_lsp.engine.checker import check_text

from .fixes import apply_fix


def fixed(code: str, before: str, path: str = "app.py") -> str:
    """Apply the quick fix of the only `code` finding in `before`; check it parses and is gone."""
    before = dedent(before)
    findings = [f for f in check_text(before, path) if f.code == code]
    assert len(findings) == 1, findings
    after = apply_fix(before, findings[0])
    ast.parse(after)
    assert not [f for f in check_text(after, path) if f.code == code]
    return after


DB = """\
from flask import Flask
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy.exc import IntegrityError

app = Flask(__name__)
db = SQLAlchemy(app)
"""


def test_fl504_rolls_back_in_the_handler() -> None:
    before = DB + dedent(
        """
        def save(tag):
            try:
                db.session.add(tag)
                db.session.commit()
            except IntegrityError:
                log("taken")
        """
    )
    after = DB + dedent(
        """
        def save(tag):
            try:
                db.session.add(tag)
                db.session.commit()
            except IntegrityError:
                db.session.rollback()
                log("taken")
        """
    )
    assert fixed("FL504", before) == after


def test_fl504_has_no_fix_for_a_one_line_handler() -> None:
    code = DB + "try:\n    db.session.commit()\nexcept Exception: pass\n"
    findings = [f for f in check_text(code, "app.py") if f.code == "FL504"]
    assert len(findings) == 1
    assert findings[0].fix is None


FL506_CASES = [
    pytest.param(
        "from flask import Flask, escape as esc, jsonify\n",
        "from flask import Flask, jsonify\nfrom markupsafe import escape as esc\n",
        id="escape-moves-to-markupsafe",
    ),
    pytest.param(
        "from flask import Markup\n",
        "from markupsafe import Markup\n",
        id="markup-alone",
    ),
    pytest.param(
        "def f():\n    from flask.helpers import safe_join\n    return safe_join\n",
        "def f():\n    from werkzeug.utils import safe_join\n    return safe_join\n",
        id="safe-join-in-a-function-keeps-indentation",
    ),
    pytest.param(
        "from flask import send_file\nr = send_file(p, attachment_filename='a.pdf')\n",
        "from flask import send_file\nr = send_file(p, download_name='a.pdf')\n",
        id="attachment-filename-to-download-name",
    ),
    pytest.param(
        "import flask\nr = flask.send_from_directory(d, filename=n)\n",
        "import flask\nr = flask.send_from_directory(d, path=n)\n",
        id="send-from-directory-filename-to-path",
    ),
    pytest.param(
        "from flask.ext.sqlalchemy import SQLAlchemy\n",
        "from flask_sqlalchemy import SQLAlchemy\n",
        id="flask-ext-namespace",
    ),
    pytest.param(
        "from flask import Flask\napp = Flask(__name__, static_path='/s')\n",
        "from flask import Flask\napp = Flask(__name__, static_url_path='/s')\n",
        id="static-path-to-static-url-path",
    ),
]


@pytest.mark.parametrize(("before", "after"), FL506_CASES)
def test_fl506_mechanical_replacements(before: str, after: str) -> None:
    assert fixed("FL506", before) == after


def test_fl502_binds_the_extension_in_the_factory() -> None:
    before = """\
        from flask import Flask
        from flask_migrate import Migrate
        from flask_sqlalchemy import SQLAlchemy

        legacy = Flask(__name__)
        db = SQLAlchemy()
        migrate = Migrate(legacy, db, compare_type=True)


        def create_app():
            app = Flask(__name__)
            app.config.from_prefixed_env()
            db.init_app(app)
            return app
        """
    after = """\
        from flask import Flask
        from flask_migrate import Migrate
        from flask_sqlalchemy import SQLAlchemy

        legacy = Flask(__name__)
        db = SQLAlchemy()
        migrate = Migrate(compare_type=True)


        def create_app():
            app = Flask(__name__)
            app.config.from_prefixed_env()
            db.init_app(app)
            migrate.init_app(app, db)
            return app
        """
    assert fixed("FL502", before) == dedent(after)


def test_fl502_offers_no_fix_for_an_unnamed_extension_or_a_factory_elsewhere() -> None:
    code = dedent(
        """\
        from flask import Flask
        from flask_cors import CORS

        app = Flask(__name__)
        CORS(app)


        def create_app():
            return Flask(__name__)
        """
    )
    findings = [f for f in check_text(code, "app.py") if f.code == "FL502"]
    assert [f.fix for f in findings] == [None]


FL505_CASES = [
    pytest.param(
        """\
        from flask import Flask
        from flask_sqlalchemy import SQLAlchemy

        db = SQLAlchemy()


        def create_app():
            app = Flask(__name__)
            db.init_app(app)
            db.create_all()
            return app
        """,
        """\
        from flask import Flask
        from flask_sqlalchemy import SQLAlchemy

        db = SQLAlchemy()


        def create_app():
            app = Flask(__name__)
            db.init_app(app)
            with app.app_context():
                db.create_all()
            return app
        """,
        id="create-all-in-the-factory",
    ),
    pytest.param(
        """\
        from flask import Flask
        from flask_sqlalchemy import SQLAlchemy

        app = Flask(__name__)
        db = SQLAlchemy(app)
        db.session.execute(db.text("PRAGMA foreign_keys=ON"))
        """,
        """\
        from flask import Flask
        from flask_sqlalchemy import SQLAlchemy

        app = Flask(__name__)
        db = SQLAlchemy(app)
        with app.app_context():
            db.session.execute(db.text("PRAGMA foreign_keys=ON"))
        """,
        id="session-at-module-level",
    ),
]


@pytest.mark.parametrize(("before", "after"), FL505_CASES)
def test_fl505_wraps_the_statement_in_an_app_context(before: str, after: str) -> None:
    assert fixed("FL505", before) == dedent(after)


def test_fl505_offers_no_fix_without_an_app_object_in_scope() -> None:
    code = dedent(
        """\
        from flask_sqlalchemy import SQLAlchemy

        db = SQLAlchemy()
        db.create_all()
        """
    )
    findings = [f for f in check_text(code, "models.py") if f.code == "FL505"]
    assert [f.fix for f in findings] == [None]


def test_fl503_commits_after_the_last_write() -> None:
    before = DB + dedent(
        """

        @app.post("/tags")
        def add_tags():
            db.session.add(Tag(name="a"))
            db.session.add(Tag(name="b"))  # the second one
            return "ok"
        """
    )
    after = DB + dedent(
        """

        @app.post("/tags")
        def add_tags():
            db.session.add(Tag(name="a"))
            db.session.add(Tag(name="b"))  # the second one
            db.session.commit()
            return "ok"
        """
    )
    assert fixed("FL503", before) == after


def test_fl503_offers_no_fix_for_a_write_inside_a_branch() -> None:
    code = DB + dedent(
        """
        @app.post("/tags")
        def add_tag():
            if True:
                db.session.add(Tag())
            return "ok"
        """
    )
    findings = [f for f in check_text(code, "app.py") if f.code == "FL503"]
    assert [f.fix for f in findings] == [None]
