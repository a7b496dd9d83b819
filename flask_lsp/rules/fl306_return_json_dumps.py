"""FL306: a view returns `json.dumps(...)`, which Flask serves as text/html."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from flask_lsp.analysis import edits
from flask_lsp.analysis.findings import Finding, Fix, Severity

from . import _views
from .base import OPINION_GROUP, Rule, RuleContext

EXPLANATION = """\
A view that returns a string gets a response with `Content-Type: text/html; charset=utf-8`,
whatever the string contains. `return json.dumps(data)` therefore serves JSON labelled as HTML:
`response.json` in clients and tests is `None`, `fetch(...).json()` callers that check the type
fail, and browsers may render or sniff it as HTML (a cross-site scripting risk when the data
holds user input).

flask-lsp says nothing when the view also returns headers (`return json.dumps(x), 200,
{"Content-Type": "application/json"}`) or wraps the string in a `Response(..., mimetype=...)`.

**How to fix.** Return the `dict` or `list` itself (Flask serialises it with `application/json`),
or `jsonify(...)` (quick fix; it adds the import).
"""

_DUMPS = frozenset({"json.dumps", "flask.json.dumps", "simplejson.dumps", "ujson.dumps"})


def check(rc: RuleContext) -> Iterator[Finding]:
    for view in _views.views(rc.module):
        for node in _views.own_nodes(view.node):
            if not isinstance(node, ast.Return) or node.value is None:
                continue
            call = _dumps_call(rc, node.value)
            if call is None:
                continue
            message = (
                f"`{view.node.name}` returns `json.dumps(...)`: Flask serves a string as "
                "text/html, so clients do not see JSON; return the dict/list or `jsonify(...)`"
            )
            yield rc.finding(rc.module.span(call), message, fix=_fix(rc, call))


def _dumps_call(rc: RuleContext, value: ast.expr) -> ast.Call | None:
    if isinstance(value, ast.Tuple):
        if not value.elts or len(value.elts) > 2 or isinstance(value.elts[-1], ast.Dict | ast.List):
            return None  # headers given
        if len(value.elts) == 2 and not isinstance(value.elts[1], ast.Constant):
            return None  # (body, headers-or-status variable): not known
        value = value.elts[0]
    if not isinstance(value, ast.Call):
        return None
    raw = rc.module.resolve(value.func)
    if raw is None or ((rc.canonical(raw) or raw) not in _DUMPS and raw not in _DUMPS):
        return None
    return value


def _fix(rc: RuleContext, call: ast.Call) -> Fix | None:
    if len(call.args) != 1 or call.keywords or isinstance(call.args[0], ast.Starred):
        return None
    source = rc.module.source
    argument = call.args[0]
    argument_text = source.text_at(rc.module.span(argument))
    if isinstance(argument, ast.Dict | ast.List):
        return Fix(
            "Return the dict/list itself", (edits.replace(rc.module.span(call), argument_text),)
        )
    bound = rc.module.names.module_scope.bindings.get("jsonify")
    if bound and any(b.target != "flask.jsonify" for b in bound):
        return None
    replacement = edits.replace(rc.module.span(call), f"jsonify({argument_text})")
    import_edit = edits.add_import(source, rc.module.tree, "flask", "jsonify")
    fix_edits = (replacement,) if import_edit is None else (import_edit, replacement)
    return Fix("Return `jsonify(...)`", fix_edits)


RULE = Rule(
    group=OPINION_GROUP,
    code="FL306",
    name="return-json-dumps",
    title="a view returns `json.dumps(...)`, served as text/html",
    severity=Severity.WARNING,
    explanation=EXPLANATION,
    check=check,
    fixable=True,
    docs=("https://flask.palletsprojects.com/en/stable/quickstart/#apis-with-json",),
)
