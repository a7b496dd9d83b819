"""Shared by FL101-FL103: a context-bound name used, or a helper called, without that context."""

from __future__ import annotations

from collections.abc import Iterator

from flask_lsp.analysis import contexts as cx
from flask_lsp.analysis import edits
from flask_lsp.analysis.contexts import ExecContext
from flask_lsp.analysis.findings import Finding, Fix, Related, Span

from .base import RuleContext

_WHAT = {
    "request": "a request context",
    "app": "an application context",
    "url_for": "an application context (and a request, or `SERVER_NAME`)",
}


def context_findings(rc: RuleContext, kind: str) -> Iterator[Finding]:
    """Direct uses in code whose context is known, and calls into helpers that need more."""
    facts = rc.module.facts
    server_name = rc.workspace.server_name_configured
    for use in facts.uses:
        if rc.proxy_kind(use.raw) != kind:
            continue
        ctx = rc.workspace.context_at(facts.path, use.ctx, use.function, use.pushed)
        if cx.satisfies(ctx, kind, server_name) is not False:
            continue
        message = _message(f"`{use.proxy}`", kind, ctx, server_name)
        yield rc.finding(
            use.span, message, fix=_wrap_fix(rc, kind, ctx, use.statement, use.app_var)
        )
    for call in facts.calls:
        ctx = rc.workspace.context_at(facts.path, call.ctx, call.function, call.pushed)
        if not ctx.known:
            continue
        callee = rc.workspace.resolve_function(call.raw, facts.path)
        if callee is None:
            continue
        for need in rc.workspace.needs(callee[1].qualname, callee[0].path):
            if need.kind != kind or cx.satisfies(ctx, kind, server_name) is not False:
                continue
            subject = f"`{callee[1].name}()` (it uses `{need.proxy}`)"
            message = _message(subject, kind, ctx, server_name)
            yield rc.finding(
                call.span,
                message,
                fix=_wrap_fix(rc, kind, ctx, call.statement, call.app_var),
                related=_chain(need.chain),
            )


def _message(subject: str, kind: str, ctx: ExecContext, server_name: bool) -> str:
    if kind == "url_for" and ctx.app and not ctx.request:
        return (
            f"{subject} needs a request or `SERVER_NAME` to build a URL, but this runs "
            f"{ctx.reason}: it raises RuntimeError"
        )
    return f"{subject} needs {_WHAT[kind]}, but this runs {ctx.reason}"


def _chain(chain: tuple[Related, ...]) -> tuple[Related, ...]:
    return chain


def _wrap_fix(
    rc: RuleContext, kind: str, ctx: ExecContext, statement: Span | None, app_var: str | None
) -> Fix | None:
    """`with app.app_context():` around the statement, when an app object is right there."""
    if kind == "request" or ctx.app is not False or statement is None or app_var is None:
        return None
    if kind == "url_for" and not rc.workspace.server_name_configured:
        return None  # an app context alone cannot build URLs without SERVER_NAME
    edit = edits.wrap_in_block(rc.module.source, statement, f"with {app_var}.app_context()")
    if edit is None:
        return None
    return Fix(f"Wrap in `with {app_var}.app_context():`", (edit,))
