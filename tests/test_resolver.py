"""The workspace's one resolver: a qualified name written in one module, followed to where it is
defined (Workspace.locate / definition / canonical), on small multi-module projects."""

from __future__ import annotations

from pathlib import Path
from textwrap import dedent

import pytest

from flask_lsp.analysis.resolver import Definition, External
from flask_lsp.analysis.workspace import Workspace, iter_python_files

SHOP = {
    "shop/__init__.py": """\
        from .ext import db
        from .views import *
        """,
    "shop/ext.py": """\
        from flask_sqlalchemy import SQLAlchemy
        from flask import request as flask_request

        db = SQLAlchemy()
        Model = db.Model
        request = flask_request
        """,
    "shop/views.py": """\
        from flask import Blueprint

        __all__ = ["bp", "index"]

        bp = Blueprint("shop", __name__)


        def index():
            return "shop"


        class Cart:
            items = []
        """,
    "shop/compat.py": """\
        from .ext import *
        """,
    "shop/cycle_a.py": """\
        from .cycle_b import thing
        """,
    "shop/cycle_b.py": """\
        from .cycle_a import thing
        """,
    # A namespace folder (no __init__.py) inside the package.
    "shop/plugins/payments.py": """\
        from flask import Blueprint

        payments = Blueprint("payments", __name__)
        """,
    "manage.py": """\
        from shop import db, bp
        from shop.ext import Model, request
        """,
}


@pytest.fixture
def ws(tmp_path: Path) -> Workspace:
    for name, code in SHOP.items():
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(dedent(code))
    workspace = Workspace()
    for path in iter_python_files([tmp_path]):
        workspace.index(str(path), path.read_text())
    return workspace


def near(ws: Workspace, module: str) -> str:
    found = ws.module(module)
    assert found is not None, module
    return found.path


def test_a_reexport_leads_to_the_defining_module(ws: Workspace) -> None:
    found = ws.locate("shop.db", near(ws, "manage"))
    assert isinstance(found, Definition)
    assert (found.module_name, found.name, found.rest, found.kind) == (
        "shop.ext",
        "db",
        (),
        "assign",
    )


def test_attributes_after_the_definition_are_kept(ws: Workspace) -> None:
    found = ws.locate("shop.db.session.commit", near(ws, "manage"))
    assert isinstance(found, Definition)
    assert (found.module_name, found.name, found.rest) == ("shop.ext", "db", ("session", "commit"))
    assert found.qualname == "shop.ext.db.session.commit"


def test_a_star_import_of_a_workspace_module_is_followed(ws: Workspace) -> None:
    found = ws.locate("shop.bp", near(ws, "manage"))
    assert isinstance(found, Definition)
    assert (found.module_name, found.name) == ("shop.views", "bp")
    assert ws.canonical("shop.index") == "shop.views.index"


def test_an_alias_of_a_module_level_value_is_followed(ws: Workspace) -> None:
    # `Model = db.Model` in shop/ext.py: `Model` is `db`, then `.Model`.
    found = ws.locate("shop.ext.Model", near(ws, "manage"))
    assert isinstance(found, Definition)
    assert (found.name, found.rest) == ("db", ("Model",))
    assert ws.canonical("shop.ext.Model") is None  # a value, not a definition


def test_a_chain_that_leaves_the_workspace_is_external(ws: Workspace) -> None:
    # `request = flask_request` in shop/ext.py, star-imported again by shop/compat.py.
    assert ws.locate("shop.compat.request") == External("flask.request")
    assert ws.canonical("shop.compat.request") == "flask.request"
    assert ws.canonical("flask.globals.request") == "flask.request"
    assert ws.locate("flask_sqlalchemy.SQLAlchemy") == External("flask_sqlalchemy.SQLAlchemy")


def test_class_attributes_resolve_to_the_class(ws: Workspace) -> None:
    found = ws.locate("shop.views.Cart.items")
    assert isinstance(found, Definition)
    assert (found.name, found.rest, found.kind) == ("Cart", ("items",), "class")
    assert ws.canonical("shop.views.Cart.items") == "shop.views.Cart.items"


def test_a_module_of_a_namespace_folder_is_found(ws: Workspace) -> None:
    # shop/plugins/ has no __init__.py: the index names the module `payments` (or
    # `plugins.payments`), while code imports it as `shop.plugins.payments`.
    found = ws.locate("shop.plugins.payments.payments", near(ws, "manage"))
    assert isinstance(found, Definition)
    assert found.path.endswith("payments.py") and found.name == "payments"


def test_dead_ends_and_cycles_resolve_to_nothing(ws: Workspace) -> None:
    found = ws.locate("shop.ext.missing")
    assert isinstance(found, Definition) and found.kind == "missing"
    assert ws.canonical("shop.ext.missing") is None
    assert ws.locate("shop.cycle_a.thing") is None
    assert ws.canonical("shop.cycle_a.thing") is None
    assert ws.definition("requests.get") is None  # outside the workspace


def test_definition_gives_the_current_facts_after_an_edit(ws: Workspace) -> None:
    ext = near(ws, "shop.ext")
    before = ws.definition("shop.db", near(ws, "manage"))
    assert before is not None
    text = Path(ext).read_text() + "\n\ndef helper():\n    return 1\n"
    ws.index(ext, text)
    after = ws.definition("shop.db", near(ws, "manage"))
    assert after is not None
    assert after[0] is ws.modules[ext] and "shop.ext.helper" in after[0].functions
