"""FL304: `request.form["k"]` / `request.args["k"]` / `request.json["k"]` indexing."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from flask_lsp.analysis import astwalk, edits
from flask_lsp.analysis.findings import Finding, Fix, Severity

from ._request import JSON_READS, called_attr, request_attr, uses_request
from .base import Rule, RuleContext

EXPLANATION = """\
`request.form`, `request.args`, `request.files`, `request.values` and `request.cookies` are
Werkzeug multi-dicts: indexing a key the client did not send raises `BadRequestKeyError` (a
`KeyError` and a `400 Bad Request`), so a missing field ends the request with Werkzeug's bare
error page ("The browser (or proxy) sent a request that this server could not understand.").
`request.headers["X-Name"]` is worse: a missing header raises a plain `KeyError`, a 500 Internal
Server Error. `request.json["k"]` / `request.get_json()["k"]` has three ways out: a body
that is not JSON aborts with 415, a JSON `null` body gives `TypeError`, and a missing key raises
a plain `KeyError`, a 500 Internal Server Error.

That is sometimes what you want, hence information level. flask-lsp does not report indexing
inside a `try` that handles `KeyError` (or `BadRequest`), nor after an `"k" in request.form`
test.

**How to fix.** Use `.get("k")` (quick fix) and handle `None`, give a default
(`request.args.get("page", "1")`), or validate the payload with a form or schema library and
answer with a helpful 400.
"""

_MULTIDICTS = frozenset({"form", "args", "files", "values", "cookies", "headers"})
_HANDLED = frozenset(
    {"KeyError", "LookupError", "BadRequestKeyError", "BadRequest", "HTTPException", "Exception"}
)

# `try` and (from Python 3.11) `try`/`except*`.
_TRY: tuple[type[ast.AST], ...] = tuple(
    kind for kind in (getattr(ast, "Try", None), getattr(ast, "TryStar", None)) if kind
)


def check(rc: RuleContext) -> Iterator[Finding]:
    if not uses_request(rc):
        return
    parents: dict[int, ast.AST] = {}
    for node in rc.module.nodes_of(ast.Subscript):
        if not isinstance(node.ctx, ast.Load):
            continue
        if isinstance(node.slice, ast.Slice):
            continue
        container = node.value
        attr = request_attr(rc, container)
        called = called_attr(rc, container)
        if attr == "headers":
            what = "a missing header raises KeyError: a 500 Internal Server Error"
        elif attr in _MULTIDICTS:
            what = "a missing key aborts with 400 Bad Request (BadRequestKeyError)"
        elif attr == "json" or called in JSON_READS:
            what = "a non-JSON body aborts with 415 and a missing key raises KeyError (500)"
        else:
            continue
        if not parents:
            for parent in rc.module.nodes:
                for child in astwalk.children(parent):
                    parents[id(child)] = parent
        if _handled(node, parents) or _tested_first(rc, node, parents):
            continue
        source = rc.module.source
        container_text = source.text_at(rc.module.span(container))
        key_text = source.text_at(rc.module.span(node.slice))
        message = f"`{container_text}[{key_text}]`: {what}; use `.get({key_text})`"
        fix = Fix(
            f"Use `{container_text}.get({key_text})`",
            (edits.replace(rc.module.span(node), f"{container_text}.get({key_text})"),),
        )
        yield rc.finding(rc.module.span(node), message, fix=fix)


def _handled(node: ast.AST, parents: dict[int, ast.AST]) -> bool:
    """Inside the body of a `try` whose handlers catch the KeyError."""
    child, parent = node, parents.get(id(node))
    while parent is not None and not isinstance(
        parent, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda
    ):
        if isinstance(parent, _TRY) and any(child is s for s in getattr(parent, "body", [])):
            handlers: list[ast.ExceptHandler] = getattr(parent, "handlers", [])
            if any(_catches(handler.type) for handler in handlers):
                return True
        child, parent = parent, parents.get(id(parent))
    return False


def _catches(node: ast.expr | None) -> bool:
    if node is None:
        return True
    if isinstance(node, ast.Tuple):
        return any(_catches(e) for e in node.elts)
    name = node.attr if isinstance(node, ast.Attribute) else getattr(node, "id", "")
    return name in _HANDLED


def _tested_first(rc: RuleContext, node: ast.Subscript, parents: dict[int, ast.AST]) -> bool:
    """`if "k" in request.form: ... request.form["k"]` (anywhere in the same function)."""
    function: ast.AST | None = parents.get(id(node))
    while function is not None and not isinstance(
        function, ast.FunctionDef | ast.AsyncFunctionDef | ast.Module
    ):
        function = parents.get(id(function))
    if function is None:
        return False
    source = rc.module.source
    container = source.text_at(rc.module.span(node.value))
    key = source.text_at(rc.module.span(node.slice))
    for other in astwalk.walk(function):
        if (
            isinstance(other, ast.Compare)
            and len(other.ops) == 1
            and isinstance(other.ops[0], ast.In | ast.NotIn)
            and source.text_at(rc.module.span(other.left)) == key
            and source.text_at(rc.module.span(other.comparators[0])) == container
        ):
            return True
    return False


RULE = Rule(
    code="FL304",
    name="request-key-indexing",
    title="`request.form[...]` / `args[...]` / `json[...]` indexing aborts when the key is missing",
    severity=Severity.INFORMATION,
    explanation=EXPLANATION,
    check=check,
    fixable=True,
    docs=("https://flask.palletsprojects.com/en/stable/api/#flask.Request.form",),
)
