"""FL505: Flask-SQLAlchemy's `db.session` / `Model.query` / `db.create_all()` with no app context."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from flask_lsp.analysis import edits
from flask_lsp.analysis.findings import Finding, Fix, Severity, Span
from flask_lsp.analysis.module import COMPOUND_STATEMENTS

from ._data import db_needs, describe, is_flask_sqlalchemy, structure
from .base import Rule, RuleContext

EXPLANATION = """\
Flask-SQLAlchemy 3 keeps one session per application context and finds the engine through the
current app, so `db.session`, `Model.query`, `db.create_all()` / `drop_all()`, `db.engine` and
`db.get_or_404()`/`paginate()` all need an application context. At import time, in an app factory
before `with app.app_context():`, or in a background thread there is none:

    RuntimeError: Working outside of application context.

    This typically means that you attempted to use functionality that needed
    the current application. To solve this, set up an application context
    with app.app_context(). See the documentation for more information.

Views, request hooks and `@app.cli.command`s run with one. flask-lsp follows the context model of
FL102: code at module level and in class bodies, app factories, Celery-style tasks and thread
targets have none; a helper is judged by its callers (reported at the call, with the chain in the
related information). `db` must be a Flask-SQLAlchemy `SQLAlchemy()` instance (followed through
imports) and models classes deriving from its `db.Model`; a plain SQLAlchemy `Session` is not
concerned. Defining models (`db.Column`, `db.relationship`) needs no context.

**How to fix.** In the factory, after `db.init_app(app)`:

    with app.app_context():
        db.create_all()

(the quick fix wraps the statement when an app object is in scope). In a thread, pass the app
(`current_app._get_current_object()`) and open `with app.app_context():` there.
"""


def check(rc: RuleContext) -> Iterator[Finding]:
    facts = structure(rc.module.facts)
    ws = rc.workspace
    for use in facts.db_uses:
        ctx = ws.context_at(rc.path, use.ctx, use.function, use.pushed)
        if ctx.app is not False:
            continue
        if not is_flask_sqlalchemy(ws, use.ref, use.via_model, rc.path):
            continue
        message = (
            f"`{describe(use)}` needs an application context, but this runs {ctx.reason}: "
            "it raises RuntimeError (working outside of application context)"
        )
        yield rc.finding(use.span, message, fix=_wrap_fix(rc, use.span, use.function))
    for call in rc.module.facts.calls:
        ctx = ws.context_at(rc.path, call.ctx, call.function, call.pushed)
        if ctx.app is not False:
            continue
        callee = ws.resolve_function(call.raw, rc.path)
        if callee is None:
            continue
        chain = db_needs(ws, callee[1].qualname, callee[0].path)
        if not chain:
            continue
        message = (
            f"`{callee[1].name}()` uses Flask-SQLAlchemy, which needs an application context, "
            f"but this runs {ctx.reason}"
        )
        fix = _wrap_fix(rc, call.span, call.function)
        yield rc.finding(call.span, message, fix=fix, related=chain)
    yield from _threads(rc)


def _threads(rc: RuleContext) -> Iterator[Finding]:
    for start in rc.module.facts.thread_starts:
        if start.target is None or start.target_span is None:
            continue
        found = rc.workspace.resolve_function(start.target, rc.path)
        if found is None:
            continue
        chain = db_needs(rc.workspace, found[1].qualname, found[0].path, ignore_own_context=True)
        if not chain:
            continue
        where = "a new process" if start.kind == "process" else f"another thread (`{start.api}`)"
        message = (
            f"`{found[1].name}` runs in {where}, which starts with no application context, but "
            "uses Flask-SQLAlchemy: open `with app.app_context():` in it"
        )
        severity = Severity.WARNING if start.kind == "process" else None
        yield rc.finding(start.target_span, message, related=chain, severity=severity)


def _wrap_fix(rc: RuleContext, span: Span, function: str | None) -> Fix | None:
    """`with app.app_context():` around the statement, when an app object is right there."""
    app_var = _app_in_scope(rc, span.start_line, function)
    statement = _simple_statement(rc, span)
    if app_var is None or statement is None:
        return None
    edit = edits.wrap_in_block(rc.module.source, statement, f"with {app_var}.app_context()")
    if edit is None:
        return None
    return Fix(f"Wrap in `with {app_var}.app_context():`", (edit,))


def _app_in_scope(rc: RuleContext, line: int, function: str | None) -> str | None:
    facts = structure(rc.module.facts)
    if function is None:
        before = [(at, name) for name, at in facts.app_vars.items() if at < line]
        return max(before)[1] if before else None
    for factory in facts.factories:
        if (
            factory.qualname == function
            and factory.app_var is not None
            and factory.app_line is not None
            and factory.app_line < line
        ):
            return factory.app_var
    return None


def _simple_statement(rc: RuleContext, span: Span) -> Span | None:
    """The simple statement around `span`, if it stands alone on its lines (safe to wrap)."""
    source = rc.module.source
    best: ast.stmt | None = None
    for node in rc.module.nodes:
        if not isinstance(node, ast.stmt) or isinstance(node, COMPOUND_STATEMENTS):
            continue
        found = source.span_of(node)
        if found.contains(span.start_line, span.start_col) and found.contains(
            span.end_line, span.end_col
        ):
            best = node
    if best is None:
        return None
    found = source.span_of(best)
    before = source.line(found.start_line)[: found.start_col]
    after = source.line(found.end_line)[found.end_col :].strip()
    if before.strip() or (after and not after.startswith("#")):
        return None
    return found


RULE = Rule(
    code="FL505",
    name="db-outside-app-context",
    title="Flask-SQLAlchemy `db.session` / `Model.query` / `db.create_all()` used where no app context is active",
    severity=Severity.ERROR,
    explanation=EXPLANATION,
    check=check,
    fixable=True,
    docs=(
        "https://flask-sqlalchemy.readthedocs.io/en/stable/contexts/",
        "https://flask.palletsprojects.com/en/stable/appcontext/",
    ),
)
