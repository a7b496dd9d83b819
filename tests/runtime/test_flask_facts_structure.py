"""The run-time behaviour the FL5xx rules rest on, shown on small apps with real Flask.

Versions move; these tests pin down what Flask, Flask-SQLAlchemy and Python actually do, so a
rule that stops being true fails here first.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from flask import Flask

from flask_lsp.rules.fl506_removed_flask_api import (
    APP_ATTRIBUTES,
    KEYWORDS,
    KNOWN_APP_ATTRIBUTES,
    NAMES,
)

RULES = Path(__file__).parent.parent / "rules"


# -- FL501: `from app import app` in a module that app.py imports first ---------------------------

FL501_PROJECTS = sorted(p for p in (RULES / "FL501").iterdir() if p.is_dir())


def _entry_module(project: Path) -> str:
    """What `flask --app` or Gunicorn would import: the module that creates the app."""
    return "app" if (project / "app.py").exists() else "shop"


def _import_in_subprocess(project: Path, module: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-B", "-c", f"import {module}"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize("project", FL501_PROJECTS, ids=lambda p: p.name)
def test_fl501_fixture_projects_fail_to_import_exactly_when_flagged(project: Path) -> None:
    """Every FL501 fixture project is imported for real: the flagged ones, and only those, raise."""
    flagged = any("expect: FL501" in f.read_text(encoding="utf-8") for f in project.rglob("*.py"))
    result = _import_in_subprocess(project, _entry_module(project))
    if flagged:
        assert result.returncode != 0
        last = result.stderr.strip().splitlines()[-1]
        assert last.startswith(("ImportError: cannot import name", "AttributeError:")), last
        assert "partially initialized module" in last
    else:
        assert result.returncode == 0, result.stderr


# -- FL503-FL505: Flask-SQLAlchemy 3.1 ------------------------------------------------------------


@pytest.fixture
def data_app() -> Flask:
    from .data_layer_app import create_app

    app = create_app()
    app.config["TESTING"] = False  # errors become 500 responses, as in production
    return app


def test_fl504_a_swallowed_failed_commit_breaks_the_next_commit(data_app: Flask) -> None:
    from sqlalchemy.exc import PendingRollbackError

    data_app.config["PROPAGATE_EXCEPTIONS"] = True
    client = data_app.test_client()
    with pytest.raises(PendingRollbackError, match=r"first issue Session\.rollback\(\)"):
        client.post("/swallow")


def test_fl504_a_view_that_returns_from_the_handler_leaves_no_failed_session(
    data_app: Flask,
) -> None:
    client = data_app.test_client()
    assert client.post("/tag/a").status_code == 201
    assert client.post("/tag/a").status_code == 409
    assert client.post("/tag/b").status_code == 201  # the next request gets a fresh session


def test_fl505_a_thread_starts_without_the_app_context(data_app: Flask) -> None:
    import threading

    from .data_layer_app import Tag

    errors: list[BaseException] = []

    def count() -> None:
        try:
            Tag.query.count()
        except RuntimeError as error:
            errors.append(error)

    with data_app.app_context():
        worker = threading.Thread(target=count)
        worker.start()
        worker.join()
    assert "Working outside of application context" in str(errors[0])


def test_fl504_rolling_back_in_the_handler_keeps_the_session_usable(data_app: Flask) -> None:
    client = data_app.test_client()
    assert client.post("/rollback").status_code == 200
    assert client.get("/names").json == ["a", "b"]


@pytest.mark.parametrize("old_setting", [False, True], ids=["default", "COMMIT_ON_TEARDOWN"])
def test_fl503_an_uncommitted_add_is_gone_after_the_request(
    data_app: Flask, old_setting: bool
) -> None:
    """Flask-SQLAlchemy 3.1 ignores the old `SQLALCHEMY_COMMIT_ON_TEARDOWN` setting."""
    data_app.config["SQLALCHEMY_COMMIT_ON_TEARDOWN"] = old_setting
    client = data_app.test_client()
    assert client.post("/add-only").status_code == 200
    assert client.post("/add-and-commit").status_code == 200
    assert client.get("/names").json == ["kept"]


@pytest.mark.parametrize(
    "use",
    [
        lambda db, Tag: db.session.add(Tag(name="x")),
        lambda db, Tag: db.create_all(),
        lambda db, Tag: Tag.query.all(),
        lambda db, Tag: db.engine,
        lambda db, Tag: db.paginate(db.select(Tag), page=1, per_page=5, error_out=False),
    ],
    ids=["db.session", "db.create_all", "Model.query", "db.engine", "db.paginate"],
)
def test_fl505_flask_sqlalchemy_needs_an_app_context(
    data_app: Flask, use: Callable[[Any, Any], object]
) -> None:
    from .data_layer_app import Tag, db

    with pytest.raises(RuntimeError, match="Working outside of application context"):
        use(db, Tag)
    with data_app.app_context():
        use(db, Tag)  # the same call works inside one


def test_fl505_handing_the_session_object_on_needs_no_app_context(data_app: Flask) -> None:
    """`ModelView(User, db.session)` at import time: the scoped session is an object like any
    other until it is used."""
    from .data_layer_app import Tag, db

    session = db.session  # no context: fine
    with pytest.raises(RuntimeError, match="Working outside of application context"):
        session.get(Tag, 1)
    with data_app.app_context():
        assert session.get(Tag, 1) is None


def test_fl502_an_extension_bound_to_another_app_fails_in_the_factorys_app() -> None:
    from flask_sqlalchemy import SQLAlchemy

    legacy = Flask("legacy")
    legacy.config["SQLALCHEMY_DATABASE_URI"] = "sqlite://"
    db = SQLAlchemy(legacy)  # bound at import time

    def create_app(bind: bool) -> Flask:
        app = Flask("factory")
        app.config["SQLALCHEMY_DATABASE_URI"] = "sqlite://"
        if bind:
            db.init_app(app)
        return app

    with create_app(bind=False).app_context(), pytest.raises(RuntimeError, match="not registered"):
        db.session.execute(db.select(db.literal(1)))
    with create_app(bind=True).app_context():
        assert db.session.execute(db.select(db.literal(1))).scalar() == 1


# -- FL506: what Flask 3.1 no longer has ----------------------------------------------------------


@pytest.mark.parametrize("qualified", sorted(n for n, r in NAMES.items() if not r.deprecated))
def test_fl506_removed_names_are_gone(qualified: str) -> None:
    import importlib

    module, _, name = qualified.rpartition(".")
    with pytest.raises(AttributeError):
        getattr(importlib.import_module(module), name)


@pytest.mark.parametrize("attribute", sorted([*APP_ATTRIBUTES, *KNOWN_APP_ATTRIBUTES]))
def test_fl506_removed_app_and_blueprint_attributes_are_gone(attribute: str) -> None:
    from flask import Blueprint

    assert not hasattr(Flask(__name__), attribute)
    assert not hasattr(Blueprint("bp", __name__), attribute)


def test_fl506_importing_a_removed_name_raises_import_error() -> None:
    with pytest.raises(ImportError, match="cannot import name 'escape' from 'flask'"):
        exec("from flask import escape", {})


def test_fl506_old_send_file_keywords_raise_type_error(tmp_path: Path) -> None:
    from flask import send_file, send_from_directory

    (tmp_path / "r.txt").write_text("r")
    app = Flask(__name__)
    with app.test_request_context():
        for keyword, renamed in KEYWORDS["flask.send_file"].items():
            with pytest.raises(TypeError, match=f"unexpected keyword argument '{keyword}'"):
                send_file(str(tmp_path / "r.txt"), **{keyword: "x"})
            value = {"download_name": "r.txt", "max_age": 0, "etag": True}[renamed]
            send_file(str(tmp_path / "r.txt"), **{renamed: value})  # the new name works
        with pytest.raises(TypeError):
            send_from_directory(str(tmp_path), filename="r.txt")  # type: ignore[call-arg]


def test_fl506_flask_ext_and_static_path_are_gone() -> None:
    with pytest.raises(ModuleNotFoundError, match=r"flask\.ext"):
        exec("import flask.ext.sqlalchemy", {})
    with pytest.raises(TypeError, match="static_path"):
        Flask(__name__, static_path="/assets")  # type: ignore[call-arg]


def test_fl506_removed_json_settings_are_ignored() -> None:
    app = Flask(__name__)
    app.config["JSON_SORT_KEYS"] = False
    with app.test_request_context():
        assert app.json.response({"b": 1, "a": 2}).get_data(as_text=True).startswith('{"a"')
    app.json.sort_keys = False  # type: ignore[attr-defined]
    with app.test_request_context():
        assert app.json.response({"b": 1, "a": 2}).get_data(as_text=True).startswith('{"b"')


def test_fl506_the_env_setting_no_longer_switches_debug_mode() -> None:
    app = Flask(__name__)
    app.config["ENV"] = "development"
    assert app.debug is False
    assert not hasattr(app, "env")
