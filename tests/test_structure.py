"""The facts and chains behind FL501-FL505: what runs at import time, and how findings explain
themselves through related information."""

from __future__ import annotations

from pathlib import Path
from textwrap import dedent

import pytest

from flask_lsp.analysis.module import parse_module
from flask_lsp.analysis.structure import StructureFacts

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
