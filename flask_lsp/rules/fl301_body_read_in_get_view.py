"""FL301: a view reads the request body, but its route only allows GET (and HEAD)."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from flask_lsp.analysis.findings import Finding, Severity

from . import _views
from ._request import BODY_READS, request_attr, uses_request
from .base import OPINION_GROUP, Rule, RuleContext

EXPLANATION = """\
A route accepts only GET (plus HEAD and OPTIONS, which Flask adds) unless it says otherwise with
`methods=[...]`. A browser form or an API client that POSTs to it gets `405 Method Not Allowed`
before the view runs, and the GET requests that do reach it carry no body: `request.form` and
`request.files` are empty, so `request.form["name"]` aborts with `400 Bad Request`, and
`request.json` / `request.get_json()` abort with `415 Unsupported Media Type` ("Did not attempt
to load JSON data because the request Content-Type was not 'application/json'").

flask-lsp reads the view's own registration (`@app.route`, `@bp.get`, `add_url_rule`, a
`MethodView`'s `get`); when the methods are not written out literally it says nothing.

**How to fix.** Allow the method the client sends: `@app.route("/items", methods=["GET", "POST"])`
(the quick fix adds the method the view tests `request.method` for, POST otherwise), or use
`@app.post(...)`. Query-string parameters belong in `request.args`.
"""

_GET_ONLY = frozenset({"GET", "HEAD", "OPTIONS"})


def check(rc: RuleContext) -> Iterator[Finding]:
    if not uses_request(rc):
        return
    for view in _views.views(rc.module):
        methods = view.methods
        if methods is None or not methods <= _GET_ONLY:
            continue
        read = _first_body_read(rc, view.node)
        if read is None:
            continue
        node, attr = read
        wanted = _tested_method(rc, view.node, methods) or "POST"
        allowed = ", ".join(m for m in _views.HTTP_METHODS if m in methods)
        message = (
            f"`{view.node.name}` reads the request body (`request.{attr}`), but its route only "
            f"allows {allowed}: clients that send a body get 405, and GET requests have none"
        )
        yield rc.finding(rc.module.span(node), message, fix=_views.add_method_fix(rc, view, wanted))


def _first_body_read(rc: RuleContext, function: ast.AST) -> tuple[ast.AST, str] | None:
    reads = []
    for node in _views.own_nodes(function):
        attr = request_attr(rc, node)
        if attr in BODY_READS:
            reads.append((node, attr or ""))
    if not reads:
        return None
    return min(reads, key=lambda r: (r[0].lineno, r[0].col_offset))  # type: ignore[attr-defined]


def _tested_method(rc: RuleContext, function: ast.AST, methods: frozenset[str]) -> str | None:
    """A method the view compares `request.method` with that its route does not allow."""
    for node in _views.own_nodes(function):
        for literal in method_comparisons(rc, node):
            value = literal.value
            if isinstance(value, str) and value in _views.HTTP_METHODS and value not in methods:
                return value
    return None


def method_comparisons(rc: RuleContext, node: ast.AST) -> list[ast.Constant]:
    """The string literals `request.method` is compared with in `node` (==, !=, in, not in)."""
    if not isinstance(node, ast.Compare) or len(node.comparators) != 1:
        return []
    left, right = node.left, node.comparators[0]
    if request_attr(rc, right) == "method" and isinstance(node.ops[0], ast.Eq | ast.NotEq):
        left, right = right, left
    if request_attr(rc, left) != "method":
        return []
    op = node.ops[0]
    if isinstance(op, ast.Eq | ast.NotEq) and isinstance(right, ast.Constant):
        return [right] if isinstance(right.value, str) else []
    if isinstance(op, ast.In | ast.NotIn) and isinstance(right, ast.Tuple | ast.List | ast.Set):
        return [e for e in right.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)]
    return []


RULE = Rule(
    group=OPINION_GROUP,
    code="FL301",
    name="body-read-in-get-view",
    title="a view reads the request body, but its route only allows GET",
    severity=Severity.WARNING,
    explanation=EXPLANATION,
    check=check,
    fixable=True,
    docs=("https://flask.palletsprojects.com/en/stable/quickstart/#http-methods",),
)
