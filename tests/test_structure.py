"""The facts and chains behind FL501-FL505: what runs at import time, and how findings explain
themselves through related information."""

from __future__ import annotations

from pathlib import Path
from textwrap import dedent

import pytest

from flask_lsp.analysis.module import parse_module
from flask_lsp.analysis.structure import StructureFacts
from flask_lsp.rules.base import Rule
from flask_lsp.rules.registry import all_rules

from .expectations import check_paths

RULES = Path(__file__).parent / "rules"


def facts_of(code: str, module: str = "views") -> StructureFacts:
    facts = parse_module(f"{module}.py", module, dedent(code)).facts.extras["structure"]
    assert isinstance(facts, StructureFacts)
    return facts


def related_of(fixture: str, code: str) -> list[tuple[str, int, str]]:
    _, findings, _ = check_paths(RULES / fixture)
    (finding,) = [f for f in findings if f.code == code]
    return [(Path(r.path).name, r.span.start_line + 1, r.message) for r in finding.related]


def test_only_imports_that_run_on_import_are_edges() -> None:
    facts = facts_of(
        """\
        import os
        from typing import TYPE_CHECKING

        if TYPE_CHECKING:
            from app import app

        try:
            from app import db
        except ImportError:
            db = None


        def later():
            from app import models


        if __name__ == "__main__":
            from app import cli
        """
    )
    edges = [(i.module, i.name, i.line + 1, i.guarded) for i in facts.imports]
    assert edges == [
        ("os", None, 1, False),
        ("typing", "TYPE_CHECKING", 2, False),
        ("app", "db", 8, True),
    ]


def test_fl501_points_at_the_whole_cycle() -> None:
    assert related_of("FL501/positive_transitive", "FL501") == [
        ("app.py", 4, "`app` imports `routes` here, before `db` exists"),
        ("routes.py", 3, "which imports `models` here"),
        ("app.py", 8, "`db` is only defined here, on line 8"),
    ]


def test_fl503_leads_from_the_view_to_the_write() -> None:
    assert related_of("FL503/positive_project", "FL503") == [
        ("services.py", 7, "`register_user` calls `_stage` here"),
        ("services.py", 12, "the write"),
    ]


def test_fl505_leads_from_the_factory_to_the_helper_that_uses_the_session() -> None:
    _, findings, _ = check_paths(RULES / "FL505/positive_project")
    (call,) = [f for f in findings if f.code == "FL505" and "seed()" in f.message]
    assert [(Path(r.path).name, r.span.start_line + 1) for r in call.related] == [
        ("__init__.py", 18)
    ]
    assert "`seed` uses `db.session` here" in call.related[0].message


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("db = SQLAlchemy()\n", {"db"}),
        ("import flask_sqlalchemy\ndb = flask_sqlalchemy.SQLAlchemy()\n", {"db"}),
        ("from sqlalchemy.orm import Session as SQLAlchemy\ndb = SQLAlchemy()\n", set()),
    ],
    ids=["from-import", "module-import", "a-plain-session-named-alike"],
)
def test_flask_sqlalchemy_instances_are_told_by_their_class(code: str, expected: set[str]) -> None:
    header = "from flask_sqlalchemy import SQLAlchemy\n" if "import" not in code else ""
    assert facts_of(header + code, "ext").sqlalchemy_names == expected


ODD_SNIPPETS = [
    "",
    "from . import app\n",  # relative import in a top-level module
    "from .. import *\n",
    "import app.app.app\napp.app.app.app\n",
    "db.session.add(\n",  # half-typed
    "try:\n    db.session.commit()\nexcept (:\n    pass\n",
    "class A(db.Model, metaclass=M, **kw): query = 1\nA.query\n",
    "def create_app():\n    return\n",
    "x = SQLAlchemy(app)(app)\n",
    "with db.session.begin(), app.app_context() as c, (yield):\n    pass\n",
    "@app.before_first_request\n",
    "send_file(**kwargs)\napp.config[key] = 1\napp.config.update(**settings)\n",
    "f = lambda: db.session.add(x)\n",
    "app.config['ENV'] = app.env = 'x'\n" * 3,
]


def _structure_rules() -> list[Rule]:
    return [rule for rule in all_rules() if rule.code.startswith("FL5")]


def _run_structure_rules(text: str, path: str) -> None:
    from flask_lsp.analysis.workspace import Workspace
    from flask_lsp.rules.base import RuleContext

    workspace = Workspace()
    parsed = workspace.index(path, text, "app", False)
    for rule in _structure_rules():
        for finding in rule.check(RuleContext(parsed, workspace, rule)):
            assert finding.code == rule.code


@pytest.mark.parametrize("text", ODD_SNIPPETS)
def test_odd_code_never_breaks_the_structure_rules(text: str) -> None:
    _run_structure_rules(text, "app.py")


@pytest.mark.parametrize(
    "fixture",
    sorted(p for p in RULES.glob("FL5*/*.py")),
    ids=lambda p: f"{p.parent.name}/{p.name}",
)
def test_half_typed_fixtures_never_break_the_structure_rules(fixture: Path) -> None:
    """Every FL5xx fixture, cut off mid-way at a few points, as it looks while being typed."""
    text = fixture.read_text(encoding="utf-8")
    for cut in range(0, len(text), max(len(text) // 6, 1)):
        _run_structure_rules(text[:cut], str(fixture))


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        pytest.param(
            """\
            from flask import Flask
            def create_app(testing=False):
                if testing:
                    app = Flask("test")
                else:
                    app = Flask(__name__)
                return app
            """,
            [("create_app", "app", 3, 6)],
            id="app-made-in-a-branch",
        ),
        pytest.param(
            "import flask\ndef build():\n    return flask.Flask(__name__)\n",
            [("build", None, None, None)],
            id="returns-a-new-app",
        ),
        pytest.param(
            "from flask import Flask\napp = Flask(__name__)\ndef create_app():\n    return app\n",
            [],
            id="returns-the-module-level-app",
        ),
        pytest.param(
            "from flask import Flask\ndef helper():\n    app = Flask(__name__)\n    app.run()\n",
            [],
            id="makes-an-app-but-does-not-return-it",
        ),
    ],
)
def test_app_factories(
    code: str, expected: list[tuple[str, str | None, int | None, int | None]]
) -> None:
    facts = facts_of(code, "factory")
    found = [(f.name, f.app_var, f.app_line, f.return_line) for f in facts.factories]
    assert found == expected
