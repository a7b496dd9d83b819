"""FL304: `request.json["k"]` / `request.headers["k"]` indexing: a missing key is a 500."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from flask_lsp.analysis import astwalk
from flask_lsp.analysis.findings import Finding, Severity

from ._request import JSON_READS, called_attr, request_attr, uses_request
from .base import OPINION_GROUP, Rule, RuleContext

EXPLANATION = """\
`request.json["k"]` (or `request.get_json()["k"]`) indexes a plain `dict`: a client that leaves
the key out gets a `KeyError`, a 500 Internal Server Error and a traceback in your logs, where a
400 Bad Request was due. `request.headers["X-Name"]` does the same for a missing header: the
request's headers read the WSGI environment and raise a plain `KeyError`.

This differs from `request.form["k"]`, `request.args["k"]`, `request.files["k"]`: those are
Werkzeug multi-dicts whose missing keys abort with 400 Bad Request by design (Flask's tutorial
indexes `request.form` on purpose), so flask-lsp does not report them.

flask-lsp stays quiet where the key is checked first in the same function (`"k" in
request.json`, `request.json.get("k")`, a loop over the payload's keys), where the read sits in
a `try` that handles `KeyError`, and where the payload was handed to a validator before the read
(`validate(request.json, schema)`, `schema.load(request.get_json())`).

**How to fix.** Validate the payload (a schema library, or a check that answers 400), or read
with `.get("k")` and handle the `None` it gives for a missing key.
"""

_HANDLED = frozenset(
    {"KeyError", "LookupError", "BadRequestKeyError", "BadRequest", "HTTPException", "Exception"}
)
_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)


def check(rc: RuleContext) -> Iterator[Finding]:
    if not uses_request(rc):
        return
    parents: dict[int, ast.AST] = {}
    for node in rc.module.nodes_of(ast.Subscript):
        if not isinstance(node.ctx, ast.Load) or isinstance(node.slice, ast.Slice):
            continue
        kind = _payload(rc, node.value)
        if kind is None:
            continue
        if not parents:
            for parent in rc.module.nodes:
                for child in astwalk.children(parent):
                    parents[id(child)] = parent
        if _handled(node, parents) or _checked_first(rc, node, kind, parents):
            continue
        source = rc.module.source
        container = source.text_at(rc.module.span(node.value))
        key = source.text_at(rc.module.span(node.slice))
        what = "header" if kind == "headers" else "key"
        message = (
            f"`{container}[{key}]`: a request without that {what} raises KeyError, a 500 "
            "Internal Server Error instead of a 400; check for it or validate the payload first"
        )
        yield rc.finding(rc.module.span(node), message)


def _payload(rc: RuleContext, node: ast.AST) -> str | None:
    """ "json" for `request.json` / `request.get_json(...)`, "headers" for `request.headers`."""
    attr = request_attr(rc, node)
    if attr == "headers":
        return "headers"
    if attr == "json" or called_attr(rc, node) in JSON_READS:
        return "json"
    return None


def _handled(node: ast.AST, parents: dict[int, ast.AST]) -> bool:
    """Inside the body of a `try` whose handlers catch the KeyError."""
    child, parent = node, parents.get(id(node))
    while parent is not None and not isinstance(parent, _FUNCTIONS):
        if isinstance(parent, astwalk.TRY_STATEMENTS) and any(
            child is s for s in getattr(parent, "body", [])
        ):
            handlers: list[ast.ExceptHandler] = getattr(parent, "handlers", [])
            if any(astwalk.catches(handler.type, _HANDLED) for handler in handlers):
                return True
        child, parent = parent, parents.get(id(parent))
    return False


def _checked_first(
    rc: RuleContext, node: ast.Subscript, kind: str, parents: dict[int, ast.AST]
) -> bool:
    """The key is tested in the same function (`in`, `.get`, a loop over the keys), or the
    payload was passed to a call (a validator) before this line."""
    function: ast.AST | None = parents.get(id(node))
    while function is not None and not isinstance(function, (*_FUNCTIONS, ast.Module)):
        function = parents.get(id(function))
    if function is None:
        return False
    key = rc.module.source.text_at(rc.module.span(node.slice))
    line = node.lineno
    for other in astwalk.walk(function):
        if isinstance(other, ast.Compare) and len(other.ops) == 1:
            if (
                isinstance(other.ops[0], ast.In | ast.NotIn)
                and _text(rc, other.left) == key
                and _same_payload(rc, other.comparators[0], kind)
            ):
                return True
        elif isinstance(other, ast.For | ast.comprehension):
            target = other.target
            if isinstance(target, ast.Tuple) and target.elts:  # `for k, v in payload.items()`
                target = target.elts[0]
            if _text(rc, target) == key and _same_payload(rc, other.iter, kind):
                return True
        elif isinstance(other, ast.Call):
            func = other.func
            if (
                isinstance(func, ast.Attribute)
                and func.attr == "get"
                and other.args
                and _text(rc, other.args[0]) == key
                and _same_payload(rc, func.value, kind)
            ):
                return True
            if other.lineno <= line and any(
                _same_payload(rc, arg, kind) for arg in [*other.args, *other.keywords]
            ):
                return True
    return False


def _same_payload(rc: RuleContext, node: ast.AST, kind: str) -> bool:
    """`node` is the payload itself, or its `.keys()` / `.items()`."""
    if isinstance(node, ast.keyword):
        node = node.value
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr in ("keys", "items")
    ):
        node = node.func.value
    return _payload(rc, node) == kind


def _text(rc: RuleContext, node: ast.AST) -> str:
    return rc.module.source.text_at(rc.module.span(node))


RULE = Rule(
    group=OPINION_GROUP,
    code="FL304",
    name="request-key-indexing",
    title="`request.json[...]` / `request.headers[...]` indexing: a missing key is a 500",
    severity=Severity.WARNING,
    explanation=EXPLANATION,
    check=check,
    docs=("https://flask.palletsprojects.com/en/stable/api/#flask.Request.get_json",),
)
