"""FL503: `db.session.add/delete/merge/execute(update...)` in a view with no commit on the way out."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from flask_lsp.analysis import edits
from flask_lsp.analysis.findings import Edit, Finding, Fix, Related, Severity, Span
from flask_lsp.analysis.module import FunctionInfo
from flask_lsp.analysis.structure import DbUse
from flask_lsp.analysis.workspace import Workspace

from ._data import is_flask_sqlalchemy, structure
from .base import Rule, RuleContext

EXPLANATION = """\
`db.session.add()`, `delete()`, `merge()`, `Model.query...delete()` and
`db.session.execute(update(...))` only stage changes in the session's transaction. Flask-SQLAlchemy
3 removes the session when the application context ends (after every request and every CLI
command), which rolls back whatever was not committed. The view answers 200 and the data is
silently gone. (`SQLALCHEMY_COMMIT_ON_TEARDOWN`, which used to commit for you, was removed in
Flask-SQLAlchemy 3.1.)

flask-lsp starts from the code Flask runs (views, request hooks, CLI commands, tasks, app
factories) and follows the functions they call across the workspace. It reports a write when
neither the entry point nor anything it calls commits: `<anything>.commit()`, a
`with db.session.begin():` block (which commits on exit), or a call it cannot follow that is
probably a commit (`user.save()`, `commit_changes()`). A helper that only stages changes, called
by a view that commits, is fine. An `after_request` / `teardown_*` hook that commits for every
request turns the rule off. `db` must be a Flask-SQLAlchemy `SQLAlchemy()` instance; a plain
SQLAlchemy `Session` is not concerned.

**How to fix.** Commit the unit of work before returning:

    db.session.add(user)
    db.session.commit()

or stage and commit in one block with `with db.session.begin():`. The quick fix inserts
`db.session.commit()` after the last write when it is a statement of the function itself.
"""

_MAX_CHAIN = 8


def check(rc: RuleContext) -> Iterator[Finding]:
    ws = rc.workspace
    if _commits_on_teardown(ws):
        return
    for qualname, info in rc.module.facts.functions.items():
        if not info.ctx.known:
            continue
        chain = _writes(ws, qualname, rc.path)
        if not chain or _commits(ws, qualname, rc.path):
            continue
        first, write = chain[0], chain[-1]
        message = (
            f"`{write.message}` is never committed: neither `{info.name}` nor anything it calls commits, "
            "and Flask-SQLAlchemy rolls back the session when the "
            f"{'request' if info.ctx.request else 'application context'} ends"
        )
        own = len(chain) == 1
        related = [] if own else [*chain[1:-1], Related(write.path, write.span, "the write")]
        fix = _fix(rc, info, qualname) if own else None
        yield rc.finding(first.span, message, fix=fix, related=related)


def _own_writes(ws: Workspace, qualname: str, near: str) -> list[tuple[str, DbUse]]:
    found = ws.function(qualname, near)
    if found is None:
        return []
    module, _ = found
    return [
        (module.path, use)
        for use in structure(module).db_uses
        if use.function == qualname
        and use.write
        and not use.commit_block
        and is_flask_sqlalchemy(ws, use.ref, use.via_model, module.path)
    ]


def _writes(ws: Workspace, qualname: str, near: str) -> tuple[Related, ...]:
    """A chain of places from `qualname` to a write; the last one names the write."""
    key = ("fl503-writes", qualname, near)
    return ws.cached(key, lambda: _compute_writes(ws, qualname, near, frozenset()))


def _compute_writes(
    ws: Workspace, qualname: str, near: str, stack: frozenset[str]
) -> tuple[Related, ...]:
    if qualname in stack or len(stack) > _MAX_CHAIN:
        return ()
    own = _own_writes(ws, qualname, near)
    if own:
        path, use = own[0]
        op = f"{use.text}.{use.op}()" if use.op else f"{use.text}...delete()"
        return (Related(path, use.span, op),)
    found = ws.function(qualname, near)
    if found is None:
        return ()
    module, info = found
    for call in module.calls:
        if call.function != qualname:
            continue
        callee = ws.resolve_function(call.raw, module.path)
        if callee is None:
            continue
        chain = _compute_writes(ws, callee[1].qualname, callee[0].path, stack | {qualname})
        if chain:
            step = Related(module.path, call.span, f"`{info.name}` calls `{callee[1].name}` here")
            return (step, *chain)
    return ()


def _commits(ws: Workspace, qualname: str, near: str) -> bool:
    key = ("fl503-commits", qualname, near)
    return ws.cached(key, lambda: _compute_commits(ws, qualname, near, frozenset()))


def _compute_commits(ws: Workspace, qualname: str, near: str, stack: frozenset[str]) -> bool:
    if qualname in stack or len(stack) > _MAX_CHAIN:
        return False
    found = ws.function(qualname, near)
    if found is None:
        return False
    module, _ = found
    if qualname in structure(module).commits:
        return True
    for call in module.calls:
        if call.function != qualname:
            continue
        callee = ws.resolve_function(call.raw, module.path)
        if callee is not None and _compute_commits(
            ws, callee[1].qualname, callee[0].path, stack | {qualname}
        ):
            return True
    return False


def _commits_on_teardown(ws: Workspace) -> bool:
    def compute() -> bool:
        return any(
            _commits(ws, hook, module.path)
            for module in ws.modules.values()
            for hook in structure(module).commit_hooks
        )

    return ws.cached(("fl503-commit-hooks",), compute)


def _fix(rc: RuleContext, info: FunctionInfo, qualname: str) -> Fix | None:
    """`db.session.commit()` after the last write, when that is a statement of the function body."""
    writes = [use for path, use in _own_writes(rc.workspace, qualname, rc.path) if path == rc.path]
    if not writes:
        return None
    last = writes[-1]
    function = _function_node(rc, info)
    if function is None or last.attr != "session":
        return None
    statement = next(
        (
            s
            for s in function.body
            if s.lineno - 1 <= last.span.start_line <= (s.end_lineno or s.lineno) - 1
        ),
        None,
    )
    if not isinstance(statement, ast.Expr | ast.Assign):
        return None
    source = rc.module.source
    span = source.span_of(statement)
    after = source.line(span.end_line)[span.end_col :].strip()
    if after and not after.startswith("#"):
        return None
    end = len(source.line(span.end_line))
    indent = source.indent_of(span.start_line)
    text = f"{source.line_break()}{indent}{last.text}.commit()"
    edit: Edit = edits.replace(Span(span.end_line, end, span.end_line, end), text)
    return Fix(f"Add `{last.text}.commit()` after the last write", (edit,))


def _function_node(
    rc: RuleContext, info: FunctionInfo
) -> ast.FunctionDef | ast.AsyncFunctionDef | None:
    for node in rc.module.functions:
        if node.lineno - 1 == info.span.start_line and node.name == info.name:
            return node
    return None


RULE = Rule(
    code="FL503",
    name="write-never-committed",
    title="`db.session.add/delete/merge/execute(update)` with no `db.session.commit()` on the way out",
    severity=Severity.WARNING,
    explanation=EXPLANATION,
    check=check,
    fixable=True,
    docs=(
        "https://flask-sqlalchemy.readthedocs.io/en/stable/queries/#insert-update-delete",
        "https://docs.sqlalchemy.org/en/20/orm/session_basics.html#committing",
    ),
)
