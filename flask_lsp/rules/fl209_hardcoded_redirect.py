"""FL209: `redirect('/literal/path')` where a known route serves that path."""

from __future__ import annotations

from collections.abc import Iterator

from flask_lsp.analysis import edits as edit_helpers
from flask_lsp.analysis.findings import Edit, Finding, Fix, Severity
from flask_lsp.analysis.routes import converter_of

from ._routing import DOCS_URL_FOR, facts_here, the_map
from .base import OPINION_GROUP, Rule, RuleContext

EXPLANATION = """\
A hard-coded path in `redirect("/users/login")` works until the route moves: a new
`url_prefix`, a renamed rule, the app mounted under a sub-path (`APPLICATION_ROOT`, a proxy's
`SCRIPT_NAME`). `url_for` builds the URL from the route map, so it follows every such change and
fails loudly (`BuildError`) when the endpoint disappears instead of sending users to a 404.

flask-lsp reports a literal path that one of the workspace's routes serves (matching converters
like Werkzeug: `/users/42` matches `/users/<int:user_id>`).

**How to fix.** `redirect(url_for("auth.login"))`; values for the rule's variables become
keyword arguments. The quick fix rewrites the call (and imports `url_for` if needed).
"""


def check(rc: RuleContext) -> Iterator[Finding]:
    facts = facts_here(rc)
    if facts is None or not facts.redirects:
        return
    rmap = the_map(rc)
    for call in facts.redirects:
        url = call.target.value
        if (
            url is None
            or not url.startswith("/")
            or url.startswith("//")
            or "?" in url
            or "#" in url
        ):
            continue
        matches = [(r, v) for r, v in rmap.match(url) if r.methods is None or "GET" in r.methods]
        endpoints = {r.endpoint for r, _ in matches}
        if len(endpoints) != 1:
            continue
        route, values = matches[0]
        arguments = [
            f"{name}={_value(converter_of(route.rule, name), value)}"
            for name, value in values.items()
        ]
        expression = ", ".join([repr(route.endpoint), *arguments])
        edits = [Edit(call.target.span, f"url_for({expression})")]
        if not call.url_for_imported:
            added = edit_helpers.add_import(rc.module.source, rc.module.tree, "flask", "url_for")
            if added is not None:
                edits.append(added)
        yield rc.finding(
            call.target.span,
            f"`{url}` is served by `{route.endpoint}` (`{route.rule}`): build it with "
            f"`url_for({expression})` so the redirect follows the route",
            fix=Fix(f"Use `url_for({expression})`", tuple(edits)),
        )


def _value(converter: str, text: str) -> str:
    if converter == "int" and text.isdigit():
        return str(int(text))
    if converter == "float":
        try:
            return repr(float(text))
        except ValueError:
            return repr(text)
    return repr(text)


RULE = Rule(
    group=OPINION_GROUP,
    code="FL209",
    name="hardcoded-redirect",
    title="`redirect()` to a literal path that a known route serves",
    severity=Severity.INFORMATION,
    explanation=EXPLANATION,
    check=check,
    fixable=True,
    docs=(DOCS_URL_FOR,),
)
