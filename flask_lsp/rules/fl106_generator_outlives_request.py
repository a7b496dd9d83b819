"""FL106: a generator that reads a context proxy, streamed without `stream_with_context`."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from flask_lsp.analysis import astwalk, edits
from flask_lsp.analysis.findings import Finding, Fix, Related, Severity, Span

from . import _views
from .base import Rule, RuleContext

EXPLANATION = """\
A view that returns a generator (`return Response(generate())`, or `return generate()`)
streams it: Flask sends the body *after* the view has returned, and by then it has popped the
request context and the application context with it. A generator that reads `request`,
`session`, `current_app`, `g` or calls `url_for` while it runs then fails on its first read,
mid-response:

    RuntimeError: Working outside of request context.
    RuntimeError: Working outside of application context.

The client gets a response cut short, and the error lands in the server's log.

**How to fix.** Keep the request context alive for the stream with Flask's
`stream_with_context`: `return Response(stream_with_context(generate()))` (quick fix; it adds
the import), or decorate the generator with `@stream_with_context`. Or read what the generator
needs from the request in the view, before it returns, and pass the values in.
"""

# Callables that turn their first argument into a streamed response body.
_RESPONSES = frozenset({"flask.Response", "flask.wrappers.Response", "werkzeug.Response"})


def check(rc: RuleContext) -> Iterator[Finding]:
    readers = _generators_reading_the_request(rc)
    if not readers:
        return
    for view in _views.views(rc.module):
        for node in _views.own_nodes(view.node):
            if not isinstance(node, ast.Return) or node.value is None:
                continue
            streamed = _streamed_call(rc, node.value)
            if streamed is None:
                continue
            qualname = rc.module.resolve(streamed.func)
            use = readers.get(qualname or "")
            if use is None:
                continue
            name = rc.module.source.text_at(rc.module.span(streamed.func))
            message = (
                f"`{name}()` reads `{use[0]}` while the response streams, after `{view.node.name}`"
                " has returned and Flask has popped its contexts: RuntimeError; wrap it in"
                " `stream_with_context(...)`"
            )
            related = [Related(rc.path, use[1], f"`{name}` reads `{use[0]}` here")]
            yield rc.finding(
                rc.module.span(streamed), message, fix=_fix(rc, streamed), related=related
            )


def _generators_reading_the_request(rc: RuleContext) -> dict[str, tuple[str, Span]]:
    """Generator functions of this module that read a context proxy with no context of their
    own, and their first such read."""
    functions = rc.module.facts.functions
    found: dict[str, tuple[str, Span]] = {}
    for use in rc.module.facts.uses:
        info = functions.get(use.function or "")
        if info is None or not info.is_generator or use.function in found:
            continue
        kind = rc.proxy_kind(use.raw)
        if kind is None or info.copies_request_context or "request" in use.pushed:
            continue  # `@stream_with_context`, `@copy_current_request_context`, `with ...:`
        if kind != "request" and "app" in use.pushed:
            continue  # `with app.app_context():` inside the generator
        found[info.qualname] = (use.proxy, use.span)
    return found


def _streamed_call(rc: RuleContext, value: ast.expr) -> ast.Call | None:
    """The generator call a return hands to Flask unwrapped: `gen()`, `Response(gen(), ...)`,
    `(Response(gen()), 200)`."""
    if isinstance(value, ast.Tuple) and value.elts:
        value = value.elts[0]
    if not isinstance(value, ast.Call):
        return None
    raw = rc.module.resolve(value.func) or ""
    if (rc.canonical(raw) or raw) in _RESPONSES or astwalk.last_name(
        value.func
    ) == "response_class":
        first = value.args[0] if value.args else None
        return first if isinstance(first, ast.Call) else None
    return value


def _fix(rc: RuleContext, call: ast.Call) -> Fix | None:
    bound = rc.module.names.module_scope.bindings.get("stream_with_context")
    if bound and any(b.target != "flask.stream_with_context" for b in bound):
        return None
    source = rc.module.source
    text = source.text_at(rc.module.span(call))
    wrap = edits.replace(rc.module.span(call), f"stream_with_context({text})")
    import_edit = edits.add_import(source, rc.module.tree, "flask", "stream_with_context")
    return Fix(
        "Wrap it in `stream_with_context(...)`",
        (wrap,) if import_edit is None else (import_edit, wrap),
    )


RULE = Rule(
    code="FL106",
    name="generator-outlives-request",
    title="a streamed generator reads a context proxy without `stream_with_context`",
    severity=Severity.ERROR,
    explanation=EXPLANATION,
    check=check,
    fixable=True,
    docs=("https://flask.palletsprojects.com/en/stable/patterns/streaming/",),
)
