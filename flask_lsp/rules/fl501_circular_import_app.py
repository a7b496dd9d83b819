"""FL501: `from <app module> import app` in a module that the app module imports before `app` exists."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from flask_lsp.analysis.findings import Finding, Related, Severity, Span
from flask_lsp.analysis.module import ModuleFacts

from ._data import import_path, imported_module, structure
from .base import Rule, RuleContext

EXPLANATION = """\
Python runs a module top to bottom the first time it is imported, and puts the half-built module
in `sys.modules` first. When `app.py` runs `import views` *before* its `app = Flask(__name__)`
line, and `views.py` (or anything it imports) runs `from app import app`, Python finds the
partially initialised `app` module without an `app` attribute yet, and the import fails:

    ImportError: cannot import name 'app' from partially initialized module 'app'
    (most likely due to a circular import)

This is what `flask run`, `flask --app app`, Gunicorn and uWSGI hit, since they import the module
that creates the app first. flask-lsp follows the imports that run at import time across the
workspace (imports inside functions, under `if TYPE_CHECKING:` or after the app is created do not
count) and reports the `from ... import app` that raises, with the chain of imports in the related
information.

These work and are not reported:
- the "import the views at the end" pattern from Flask's docs for small applications: `import
  views` *after* `app = Flask(__name__)` (the name exists when `views` asks for it);
- importing the app inside a function (`def register(): from app import app`), which runs later.

**How to fix.** Do not import the app object from modules that the app module imports:
- in views and helpers use `current_app` (the app handling the current request or CLI command)
  and register routes on a `Blueprint` that the app module registers;
- better, use the application factory pattern: `create_app()` creates the app, imports the
  blueprints *inside* the function and registers them, and extensions are created unbound
  (`db = SQLAlchemy()`) and bound with `db.init_app(app)`.
"""


def check(rc: RuleContext) -> Iterator[Finding]:
    ws = rc.workspace
    here = rc.module.facts
    for stmt in structure(here).imports:
        if stmt.name is None or stmt.guarded:
            continue
        target = ws.module(stmt.module, here.path)
        if target is None or target.path == here.path:
            continue
        if ws.module(f"{stmt.module}.{stmt.name}", here.path) is not None:
            continue  # `from pkg import views` imports the submodule, which exists
        facts = structure(target)
        bound_at = facts.first_binding.get(stmt.name)
        if not facts.app_vars or bound_at is None:
            continue  # not the module that creates the app, or a name it never binds
        finding = _cycle(rc, target, stmt.name, bound_at, stmt.span)
        if finding is not None:
            yield finding
    yield from _attribute_access(rc)


def _attribute_access(rc: RuleContext) -> Iterator[Finding]:
    """`import app` then `@app.app.route(...)` at import time: AttributeError, same cycle."""
    ws = rc.workspace
    here = rc.module.facts
    imported = {s.module for s in structure(here).imports if s.name is None}
    for access in structure(here).module_attributes:
        if access.module not in imported:
            continue
        target = ws.module(access.module, here.path)
        if target is None or target.path == here.path:
            continue
        if ws.module(f"{access.module}.{access.attr}", here.path) is not None:
            continue
        facts = structure(target)
        bound_at = facts.first_binding.get(access.attr)
        if not facts.app_vars or bound_at is None:
            continue
        finding = _cycle(rc, target, access.attr, bound_at, access.span, attribute=True)
        if finding is not None:
            yield finding


def _cycle(
    rc: RuleContext,
    app_module: ModuleFacts,
    name: str,
    bound_at: int,
    span: Span,
    attribute: bool = False,
) -> Finding | None:
    """The first import-time import in `app_module`, before `name` is bound, that leads here."""
    ws = rc.workspace
    here = rc.module.facts
    for first in structure(app_module).imports:
        if first.line >= bound_at:
            break
        start = imported_module(ws, first, app_module.path)
        if start is None or start.path == app_module.path:
            continue
        rest = import_path(ws, start.path, here.path, avoid=app_module.path)
        if rest is None:
            continue
        chain = [
            Related(
                app_module.path,
                first.span,
                f"`{app_module.module_name}` imports `{start.module_name}` here, before "
                f"`{name}` exists",
            )
        ]
        importer = start.path
        for edge, target_path in rest:
            target = ws.modules.get(target_path)
            target_name = target.module_name if target else Path(target_path).stem
            chain.append(Related(importer, edge.span, f"which imports `{target_name}` here"))
            importer = target_path
        chain.append(
            Related(
                app_module.path,
                Span(bound_at, 0, bound_at, 0),
                f"`{name}` is only defined here, on line {bound_at + 1}",
            )
        )
        via = f" (through `{start.module_name}`)" if start.path != here.path else ""
        what = f"the app object `{name}`" if name in structure(app_module).app_vars else f"`{name}`"
        failure = (
            f"`{app_module.module_name}.{name}` then raises AttributeError"
            if attribute
            else f"`from {app_module.module_name} import {name}` then raises ImportError"
        )
        message = (
            f"circular import: `{app_module.module_name}` imports this module{via} on line "
            f"{first.line + 1}, before it defines {what} on line {bound_at + 1}; "
            f"{failure} (partially initialized module)"
        )
        return rc.finding(span, message, related=chain)
    return None


RULE = Rule(
    code="FL501",
    name="circular-import-app",
    title="circular import: a module the app module imports does `from <app module> import app`",
    severity=Severity.ERROR,
    explanation=EXPLANATION,
    check=check,
    docs=(
        "https://flask.palletsprojects.com/en/stable/patterns/packages/#circular-imports",
        "https://flask.palletsprojects.com/en/stable/patterns/appfactories/",
    ),
)
