"""FL407: `response.set_cookie(...)` without `secure`, `httponly` and `samesite`."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from flask_lsp.analysis.appconfig import is_test_module
from flask_lsp.analysis.findings import Finding, Fix, Severity

from . import _calls
from .base import OPINION_GROUP, Rule, RuleContext

EXPLANATION = """\
`Response.set_cookie(key, value)` sets none of the cookie's protections by default (it sends
`Set-Cookie: key=value; Path=/`):
- without `secure=True` the browser also sends it over plain HTTP, where the network can read it;
- without `httponly=True` JavaScript can read it, so one XSS bug leaks it;
- without `samesite="Lax"` (or "Strict") it travels with cross-site requests (CSRF).

For a cookie that carries anything sensitive (a token, an identifier), set all three. Calls that
pass `**kwargs`, an explicit `httponly=False` (a cookie scripts must read), and the test
client's `client.set_cookie(...)` are not reported.

**How to fix.** `response.set_cookie("token", value, secure=True, httponly=True, samesite="Lax")`
(quick fix: adds the missing flags). A cookie that scripts must read (a CSRF token for a
single-page app) keeps `httponly=False`, explicitly, and the other two.
"""

_WANTED = (("secure", "True"), ("httponly", "True"), ("samesite", '"Lax"'))


def check(rc: RuleContext) -> Iterator[Finding]:
    if is_test_module(rc.path):
        return
    imports = [name for name, _ in rc.module.facts.imports]
    if not any(n.split(".")[0] in ("flask", "werkzeug") for n in imports):
        return
    for node in rc.module.nodes_of(ast.Call):
        if not isinstance(node.func, ast.Attribute):
            continue
        if node.func.attr != "set_cookie" or _calls.has_double_star(node) or len(node.args) > 6:
            continue
        if any(isinstance(argument, ast.Starred) for argument in node.args):
            continue
        receiver = rc.module.source.text_at(rc.module.span(node.func.value))
        if "client" in receiver.lower():
            continue
        missing = [(name, value) for name, value in _WANTED if _weak(node, name)]
        if not missing:
            continue
        names = ", ".join(f"`{name}`" for name, _ in missing)
        message = (
            f"cookie set without {names}: it can travel over plain HTTP, be read by scripts "
            "or be sent with cross-site requests"
        )
        fix = None
        if all(_calls.keyword(node, name) is None for name, _ in missing):
            text = ", ".join(f"{name}={value}" for name, value in missing)
            fix = Fix(f"Add `{text}`", (_calls.add_keyword(rc.module.source, node, text),))
        yield rc.finding(rc.module.span(node), message, fix=fix)


def _weak(call: ast.Call, name: str) -> bool:
    keyword = _calls.keyword(call, name)
    if keyword is None:
        return True
    value = keyword.value
    if not isinstance(value, ast.Constant):
        return False  # decided at run time
    if name == "samesite":
        return value.value is None or str(value.value).lower() == "none"
    if name == "httponly" and value.value is False:
        return False  # deliberate: a cookie that scripts must read
    return value.value is not True


RULE = Rule(
    group=OPINION_GROUP,
    code="FL407",
    name="cookie-without-flags",
    title="`set_cookie(...)` without `secure=True`, `httponly=True` and `samesite`",
    severity=Severity.WARNING,
    explanation=EXPLANATION,
    check=check,
    fixable=True,
    docs=("https://flask.palletsprojects.com/en/stable/web-security/#set-cookie-options",),
)
