"""FL406: a template or `Markup` built from request data (template injection / XSS)."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from flask_lsp.analysis import astwalk
from flask_lsp.analysis.findings import Finding, Severity

from ._request import is_request, uses_request
from .base import Rule, RuleContext

EXPLANATION = """\
`render_template_string(source)` compiles `source` as a Jinja template. When the source contains
request data, the client writes template code: `?name={{ 7 * 7 }}` renders `49`, and from there
template expressions reach Python objects and, through them, the `os` module: commands run on
the server (server-side template injection: remote code execution). `Markup(text)` declares `text` safe
HTML, so Jinja stops escaping it: `Markup(request.args["q"])` lets a link inject `<script>`
(cross-site scripting). The same holds for `jinja2.Template(...)`.

flask-lsp follows request data (`request.args`, `form`, `json`, `headers`, `cookies`...) into
the template source or the `Markup` argument, through operators, f-strings and string methods,
directly or through a variable assigned in the same function; `escape(...)` sanitises, and the
result of another function (`load_template(request.args["name"])`) is not request data.

**How to fix.** Keep templates constant and pass data as variables, which Jinja escapes:
`render_template_string("Hello {{ name }}", name=request.args["name"])`. For HTML snippets use
`Markup("<b>{}</b>").format(value)` (it escapes `value`) or `escape(value)`.
"""

_SINKS = {
    "flask.render_template_string": "render_template_string",
    "flask.stream_template_string": "stream_template_string",
    "jinja2.Template": "jinja2.Template",
    "markupsafe.Markup": "Markup",
    "flask.Markup": "Markup",
    "jinja2.Markup": "Markup",
}
_SANITISERS = frozenset({"escape", "escape_silent", "quote", "urlencode", "int", "float", "len"})
_STRING_BUILDERS = frozenset(
    {
        "str",
        "format",
        "format_map",
        "join",
        "replace",
        "strip",
        "lstrip",
        "rstrip",
        "lower",
        "upper",
        "title",
        "capitalize",
        "encode",
        "decode",
        "get",
        "getlist",
    }
)


# `Markup(x).striptags()` / `.unescape()` return a plain `str`: nothing stays marked safe.
_TO_PLAIN_TEXT = frozenset({"striptags", "unescape"})


def check(rc: RuleContext) -> Iterator[Finding]:
    if not uses_request(rc):
        return
    to_plain_text = {
        id(node.func.value)
        for node in rc.module.nodes_of(ast.Call)
        if isinstance(node.func, ast.Attribute) and node.func.attr in _TO_PLAIN_TEXT
    }
    for node in rc.module.nodes_of(ast.Call):
        if not node.args or id(node) in to_plain_text:
            continue
        raw = rc.module.resolve(node.func)
        sink = _SINKS.get(rc.canonical(raw) or raw or "") if raw else None
        if sink is None:
            continue
        source = _tainted(rc, node.args[0], depth=0)
        if source is None:
            continue
        if sink == "Markup":
            message = (
                f"`Markup(...)` of request data (`{source}`): it is marked safe and rendered "
                "unescaped (cross-site scripting)"
            )
        else:
            message = (
                f"`{sink}(...)` compiles a template built from request data (`{source}`): the "
                "client can inject template code that runs on the server"
            )
        yield rc.finding(rc.module.span(node.args[0]), message)


def _tainted(rc: RuleContext, node: ast.expr, depth: int) -> str | None:
    """The request expression that flows into `node`, if any.

    Data flows through operators, f-strings, containers and string methods (`.format`,
    `.join`...), not through other calls: `load_template(request.args["name"])` returns what
    the function returns, not the request data, and `escape(...)` sanitises.
    """
    stack: list[ast.AST] = [node]
    while stack:
        child = stack.pop()
        if isinstance(child, ast.Attribute) and is_request(rc, child.value):
            return rc.module.source.text_at(rc.module.span(child))
        if isinstance(child, ast.Call):
            stack.extend(_call_inputs(child))
            continue
        if isinstance(child, ast.Name) and depth < 3:
            value = rc.module.names.assigned_value(
                child.id, rc.module.scope_at(child), child.lineno
            )
            if value is not None and value is not node:
                found = _tainted(rc, value, depth + 1)
                if found:
                    return found
        if isinstance(child, ast.Lambda | ast.comprehension):
            continue
        stack.extend(astwalk.children(child))
    return None


def _call_inputs(call: ast.Call) -> list[ast.AST]:
    """What a call passes on: the receiver of any method (`request.args.get(...)`), and the
    arguments of string building (`"...".format(x)`, `str(x)`)."""
    func = call.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    if name in _SANITISERS:
        return []
    inputs: list[ast.AST] = [func.value] if isinstance(func, ast.Attribute) else []
    if name in _STRING_BUILDERS:
        inputs += [*call.args, *(k.value for k in call.keywords)]
    return inputs


RULE = Rule(
    code="FL406",
    name="template-from-request",
    title="`render_template_string` / `Markup` built from request data (template injection / XSS)",
    severity=Severity.ERROR,
    explanation=EXPLANATION,
    check=check,
    docs=("https://flask.palletsprojects.com/en/stable/web-security/#cross-site-scripting-xss",),
)
