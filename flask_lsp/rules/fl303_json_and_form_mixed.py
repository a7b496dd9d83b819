"""FL303: one function reads the payload both as JSON and as form data without checking which."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from flask_lsp.analysis import astwalk
from flask_lsp.analysis.findings import Finding, Related, Severity

from . import _views
from ._calls import keyword
from ._request import CONTENT_CHECKS, JSON_READS, request_attr, request_lines
from .base import Rule, RuleContext

EXPLANATION = """\
A request carries one body, in one format. A JSON client (`Content-Type: application/json`)
leaves `request.form` empty; a browser form (`application/x-www-form-urlencoded` or
`multipart/form-data`) makes `request.json` / `request.get_json()` abort with
`415 Unsupported Media Type` ("Did not attempt to load JSON data because the request
Content-Type was not 'application/json'."). A view that reads both, unconditionally, works for
at most one kind of client: for the other it reads nothing, or fails.

flask-lsp says nothing when the function looks at which body arrived (`request.is_json`,
`request.content_type`, `request.mimetype`, `request.headers`), reads JSON with
`get_json(silent=True)` (None for non-JSON bodies), or falls back with `request.form or ...`.

**How to fix.** Branch on the format:

    data = request.get_json() if request.is_json else request.form

or accept one format per endpoint.
"""


def check(rc: RuleContext) -> Iterator[Finding]:
    lines = request_lines(rc)
    for node in rc.module.functions:
        if lines.within(node):
            yield from _check_function(rc, node)


def _check_function(rc: RuleContext, function: ast.AST) -> Iterator[Finding]:
    json_reads: list[ast.AST] = []
    form_reads: list[ast.AST] = []
    tolerated: set[int] = set()
    for node in _views.own_nodes(function):
        if isinstance(node, ast.Call) and request_attr(rc, node.func) == "get_json":
            silent = keyword(node, "silent")
            if silent is not None and not (
                isinstance(silent.value, ast.Constant) and silent.value.value is False
            ):
                tolerated.add(id(node.func))
        if isinstance(node, ast.BoolOp) and isinstance(node.op, ast.Or):
            _tolerate_fallbacks(rc, node, tolerated)
        attr = request_attr(rc, node)
        if attr in CONTENT_CHECKS:
            return
        if attr in JSON_READS:
            json_reads.append(node)
        elif attr == "form":
            form_reads.append(node)
    strict = [n for n in json_reads if id(n) not in tolerated]
    if not strict or not form_reads:
        return
    first_form = min(form_reads, key=_position)
    first_json = min(strict, key=_position)
    json_text = rc.module.source.text_at(rc.module.span(first_json))
    message = (
        f"reads the body both as JSON (`{json_text}`) and as form data (`request.form`) without "
        "checking `request.is_json`: one of them is always empty or fails (415) for a given client"
    )
    related = Related(rc.path, rc.module.span(first_json), "the JSON read")
    yield rc.finding(rc.module.span(first_form), message, related=(related,))


def _tolerate_fallbacks(rc: RuleContext, node: ast.BoolOp, tolerated: set[int]) -> None:
    """`request.form or request.get_json()`: the JSON read only runs when the form is empty."""
    seen_form = False
    for value in node.values:
        reads = [(n, request_attr(rc, n)) for n in astwalk.walk(value)]
        if seen_form:
            tolerated.update(id(n) for n, attr in reads if attr in JSON_READS)
        seen_form = seen_form or any(attr == "form" for _, attr in reads)


def _position(node: ast.AST) -> tuple[int, int]:
    return (getattr(node, "lineno", 0), getattr(node, "col_offset", 0))


RULE = Rule(
    code="FL303",
    name="json-and-form-mixed",
    title="the payload is read both as JSON and as form data without checking which one came",
    severity=Severity.WARNING,
    explanation=EXPLANATION,
    check=check,
    docs=("https://flask.palletsprojects.com/en/stable/api/#flask.Request.get_json",),
)
