"""FL305: `request.args.get("page", 1)`: a non-string default without `type=`."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from flask_lsp.analysis.findings import Finding, Fix, Severity

from . import _calls
from ._request import request_attr, uses_request
from .base import OPINION_GROUP, Rule, RuleContext

EXPLANATION = """\
`request.args`, `request.form`, `request.values`, `request.cookies` and `request.headers` hold
strings. `.get("page", 1)` returns the string `"2"` when the client sends `?page=2` and the int
`1` when it does not, so `page + 1` or `page > 0` works in development and raises `TypeError`
(a 500) the first time a client passes the parameter, and a check like `page == 1` is never
true for `?page=1`.

**How to fix.** Give the conversion: `request.args.get("page", 1, type=int)` (quick fix, also
for floats). With `type=`, Werkzeug converts the value and falls back to the default when the
conversion fails (`?page=abc` gives 1, not an error). Booleans need a function of your own:
`type=bool` turns every non-empty string, `"false"` included, into `True`.

A value that is only compared with strings (`request.args.get("x", False) == "true"`) is fine:
the default then compares unequal, as meant, and flask-lsp does not report it.
"""

_SOURCES = frozenset({"args", "form", "values", "cookies", "headers"})
# `int(request.args.get("page", 1))` converts both cases: fine.
_CONVERSIONS = frozenset({"int", "float", "str", "bool", "Decimal"})


def check(rc: RuleContext) -> Iterator[Finding]:
    if not uses_request(rc):
        return
    converted = {
        id(node.args[0])
        for node in rc.module.nodes_of(ast.Call)
        if isinstance(node.func, ast.Name) and node.func.id in _CONVERSIONS and node.args
    }
    converted |= _compared_with_strings(rc)
    for node in rc.module.nodes_of(ast.Call):
        if id(node) in converted or not isinstance(node.func, ast.Attribute):
            continue
        if node.func.attr != "get" or request_attr(rc, node.func.value) not in _SOURCES:
            continue
        if _calls.has_double_star(node) or len(node.args) > 2 or _calls.keyword(node, "type"):
            continue
        default_kw = _calls.keyword(node, "default")
        default = default_kw.value if default_kw is not None else None
        if default is None and len(node.args) == 2:
            default = node.args[1]
        kind = _non_string_type(default)
        if kind is None:
            continue
        source = rc.module.source
        container = source.text_at(rc.module.span(node.func.value))
        default_text = source.text_at(rc.module.span(default)) if default is not None else ""
        advice = (
            f"pass `type={kind}`"
            if kind in ("int", "float")
            else "pass a `type=` conversion function"
        )
        message = (
            f"`{container}.get(..., {default_text})` returns a `str` when the parameter is sent "
            f"and the `{kind}` default otherwise; {advice}"
        )
        fix = None
        if kind in ("int", "float"):
            fix = Fix(f"Add `type={kind}`", (_calls.add_keyword(source, node, f"type={kind}"),))
        yield rc.finding(rc.module.span(node), message, fix=fix)


def _compared_with_strings(rc: RuleContext) -> set[int]:
    """`args.get("x", False) == "true"`: the code compares with strings, so the default only
    ever compares unequal, which is what it means."""
    found: set[int] = set()
    for node in rc.module.nodes_of(ast.Compare):
        sides = [node.left, *node.comparators]
        if any(_is_strings(side) for side in sides):
            found.update(id(side) for side in sides)
    return found


def _is_strings(node: ast.expr) -> bool:
    if isinstance(node, ast.Tuple | ast.List | ast.Set):
        return bool(node.elts) and all(_is_strings(e) for e in node.elts)
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _non_string_type(node: ast.expr | None) -> str | None:
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub | ast.UAdd):
        node = node.operand
    if isinstance(node, ast.Constant):
        value = node.value
        if value is None or isinstance(value, str):
            return None
        return type(value).__name__
    if isinstance(node, ast.List | ast.Dict | ast.Tuple | ast.Set):
        return type(node).__name__.lower()
    return None


RULE = Rule(
    group=OPINION_GROUP,
    code="FL305",
    name="args-default-type",
    title="`request.args.get(key, <non-string default>)` without `type=`",
    severity=Severity.WARNING,
    explanation=EXPLANATION,
    check=check,
    fixable=True,
    docs=(
        "https://werkzeug.palletsprojects.com/en/stable/datastructures/#werkzeug.datastructures.MultiDict.get",
    ),
)
