"""FL504: `db.session.commit()` in a `try` whose `except` neither rolls back nor re-raises."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from flask_lsp.analysis import astwalk, edits
from flask_lsp.analysis.findings import Finding, Fix, Related, Severity, Span
from flask_lsp.analysis.structure import DbUse

from ._data import is_db, structure
from .base import Rule, RuleContext

EXPLANATION = """\
When `db.session.commit()` fails (a unique constraint, a lost connection), SQLAlchemy rolls the
database transaction back but leaves the *session* in a failed state until someone calls
`db.session.rollback()`. An `except` that swallows the error and carries on leaves it there, and
the next use of the session in the same request, CLI command or loop iteration raises:

    sqlalchemy.exc.PendingRollbackError: This Session's transaction has been rolled back due to
    a previous exception during flush. To begin a new transaction with this Session, first issue
    Session.rollback().

flask-lsp reports an `except` that can catch a database error (a bare `except`, `Exception`, or
an exception class from `sqlalchemy`) around a Flask-SQLAlchemy `db.session.commit()`, when the
handler neither calls `rollback()` (nor `close()` / `remove()`), nor raises (`raise`, `abort()`),
and no `finally` does; a helper of the workspace called there that rolls back or ends in `raise`
counts. A handler that returns is not reported unless it uses the session itself: the view or
command that called it ends, and Flask-SQLAlchemy removes the session with the app context.

**How to fix.** Roll back in the handler (the quick fix inserts `db.session.rollback()`), then
report the problem:

    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        flash("That name is taken.")
"""

_RESETS = ("rollback", "close", "remove")
_CATCH_ALL = frozenset({"Exception", "BaseException"})


def check(rc: RuleContext) -> Iterator[Finding]:
    session_uses = [
        use for use in structure(rc.module.facts).db_uses if is_db(rc.workspace, use.ref, rc.path)
    ]
    commits = {
        (use.span.start_line, use.span.start_col): use for use in session_uses if use.op == "commit"
    }
    if not commits:
        return
    for node in rc.module.nodes_of(ast.Try):
        if _resets(rc, node.finalbody):
            continue
        inside = [
            commits[key]
            for key in (_position(rc, n) for n in _unhandled_nodes(rc, node.body))
            if key in commits
        ]
        if not inside:
            continue
        for handler in node.handlers:
            if not _catches_db_errors(rc, handler) or _resets(rc, handler.body):
                continue
            if _returns(handler.body) and not _uses_session(handler, session_uses):
                continue  # it leaves, and Flask-SQLAlchemy removes the session at teardown
            yield _finding(rc, handler, inside[0])


def _finding(rc: RuleContext, handler: ast.ExceptHandler, commit: DbUse) -> Finding:
    source = rc.module.source
    header_end = handler.type or handler
    start = source.span_of(handler)
    end = source.span_of(header_end)
    span = Span(start.start_line, start.start_col, end.end_line, end.end_col)
    if handler.type is None:
        span = Span(start.start_line, start.start_col, start.start_line, start.start_col + 6)
    receiver = source.text_at(commit.span)  # `db.session`
    message = (
        f"this `except` swallows a failed `{receiver}.commit()` without `{receiver}.rollback()` "
        "or re-raising: the session stays failed and its next use raises PendingRollbackError"
    )
    related = [Related(rc.path, commit.span, "the commit that can fail")]
    return rc.finding(span, message, fix=_fix(rc, handler, receiver), related=related)


def _fix(rc: RuleContext, handler: ast.ExceptHandler, receiver: str) -> Fix | None:
    first = handler.body[0]
    if first.lineno == handler.lineno:
        return None  # `except Exception: pass` on one line
    line = first.lineno - 1
    indent = rc.module.source.indent_of(line)
    edit = edits.insert_line_before(rc.module.source, line, f"{indent}{receiver}.rollback()")
    return Fix(f"Call `{receiver}.rollback()` in the handler", (edit,))


def _position(rc: RuleContext, node: ast.AST) -> tuple[int, int] | None:
    if isinstance(node, ast.Attribute) and node.attr == "session":
        span = rc.module.source.span_of(node)
        return (span.start_line, span.start_col)
    return None


def _own_nodes(body: list[ast.stmt]) -> Iterator[ast.AST]:
    """The nodes of a block, not descending into functions defined in it (they run later)."""
    stack: list[ast.AST] = list(body)
    while stack:
        node = stack.pop()
        yield node
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            stack.extend(astwalk.children(node))


def _unhandled_nodes(rc: RuleContext, body: list[ast.stmt]) -> Iterator[ast.AST]:
    """Like `_own_nodes`, minus inner `try` blocks that already roll back every DB error."""
    stack: list[ast.AST] = list(body)
    while stack:
        node = stack.pop()
        if isinstance(node, ast.Try) and _handles_everything(rc, node):
            stack.extend([*node.orelse, *node.finalbody, *node.handlers])
            continue
        yield node
        if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            stack.extend(astwalk.children(node))


def _handles_everything(rc: RuleContext, node: ast.Try) -> bool:
    if _resets(rc, node.finalbody):
        return True
    catching = [h for h in node.handlers if _catches_db_errors(rc, h)]
    return bool(catching) and all(_resets(rc, h.body) for h in catching)


def _catches_db_errors(rc: RuleContext, handler: ast.ExceptHandler) -> bool:
    if handler.type is None:
        return True
    kinds = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    for kind in kinds:
        raw = rc.module.resolve(kind) or ""
        last = raw.rpartition(".")[2] if raw else getattr(kind, "id", "")
        if raw in ("", "builtins." + last) and last in _CATCH_ALL:
            return True
        if raw.startswith("sqlalchemy.") or raw == "sqlalchemy":
            return True
    return False


def _resets(rc: RuleContext, body: list[ast.stmt]) -> bool:
    """Does the block roll back, close the session, or leave by raising?"""
    for node in _own_nodes(body):
        if isinstance(node, ast.Raise):
            return True
        if isinstance(node, ast.Call):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if any(word in name.lower() for word in _RESETS):
                return True
            raw = rc.module.resolve(func) or ""
            if raw in ("flask.abort", "werkzeug.exceptions.abort"):
                return True
            if raw and _helper_resets(rc, raw):
                return True
    return False


def _helper_resets(rc: RuleContext, raw: str) -> bool:
    """A helper of ours that rolls back (`handle_db_error()`) or always raises (`fail(...)`)."""
    found = rc.workspace.resolve_function(raw, rc.path)
    if found is None:
        return False
    module, info = found
    facts = structure(module)
    return info.qualname in facts.rollbacks or info.qualname in facts.raising


def _returns(body: list[ast.stmt]) -> bool:
    return any(isinstance(node, ast.Return) for node in _own_nodes(body))


def _uses_session(handler: ast.ExceptHandler, uses: list[DbUse]) -> bool:
    """The handler itself goes on with the failed session (`db.session.delete(x)`...)."""
    first, last = handler.lineno - 1, (handler.end_lineno or handler.lineno) - 1
    return any(first <= use.span.start_line <= last for use in uses)


RULE = Rule(
    code="FL504",
    name="commit-error-swallowed",
    title="`db.session.commit()` in a `try` whose `except` neither rolls back nor re-raises",
    severity=Severity.WARNING,
    explanation=EXPLANATION,
    check=check,
    fixable=True,
    docs=(
        "https://docs.sqlalchemy.org/en/20/orm/session_basics.html#rolling-back",
        "https://flask-sqlalchemy.readthedocs.io/en/stable/quickstart/#query-the-data",
    ),
)
