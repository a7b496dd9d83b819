"""FL208: `url_for` without a URL variable that the target rule requires."""

from __future__ import annotations

from collections.abc import Iterator

from flask_lsp.analysis.findings import Edit, Finding, Fix, Related, Severity
from flask_lsp.analysis.route_facts import URL_FOR_OPTIONS

from ._routing import DOCS_URL_FOR, facts_here, the_map
from .base import Rule, RuleContext

EXPLANATION = """\
To build `/users/<int:user_id>`, `url_for` needs a value for every variable of the rule that
has no default; without one it raises

    werkzeug.routing.exceptions.BuildError: Could not build url for endpoint 'users.show'.
    Did you forget to specify values ['user_id']?

When an endpoint has several rules (one with `defaults=`), any rule that can be built is
enough. flask-lsp does not report calls with `**values`, or workspaces that use
`url_defaults` / `Blueprint(url_defaults=...)` (they fill values in at run time).

**How to fix.** Pass the variable: `url_for("users.show", user_id=user.id)`. The quick fix adds
the missing arguments (with a variable of the same name when the function has one).
"""


def check(rc: RuleContext) -> Iterator[Finding]:
    facts = facts_here(rc)
    if facts is None or not facts.url_fors:
        return
    rmap = the_map(rc)
    if rmap.url_defaults:
        return
    for call in facts.url_fors:
        if call.star_kwargs or call.extra_positional or call.endpoint is None:
            continue
        targets = rmap.target_routes(rc.path, call)
        if not targets or any(r.required is None for r in targets):
            continue
        given = set(call.keywords) - URL_FOR_OPTIONS
        missing_per_rule = [[v for v in (r.required or []) if v not in given] for r in targets]
        if any(not missing for missing in missing_per_rule):
            continue
        best = min(range(len(targets)), key=lambda i: len(missing_per_rule[i]))
        missing, route = missing_per_rule[best], targets[best]
        names = ", ".join(f"`{m}`" for m in missing)
        arguments = ", ".join(f"{m}={m if m in call.bound_names else '...'}" for m in missing)
        separator = " " if call.trailing_comma else ", "
        fix = Fix(f"Add {arguments}", (Edit(call.insert_at, separator + arguments),))
        related = []
        if route.decl_path is not None and route.decl is not None:
            related.append(Related(route.decl_path, route.decl.span, f"`{route.rule}`"))
        yield rc.finding(
            call.span,
            f"`{route.endpoint}` needs {names} to build `{route.rule}`: `url_for` raises "
            "`BuildError`",
            fix=fix,
            related=related,
        )


RULE = Rule(
    code="FL208",
    name="url-for-missing-variable",
    title="`url_for` without a URL variable that the target rule requires",
    severity=Severity.ERROR,
    explanation=EXPLANATION,
    check=check,
    fixable=True,
    docs=(DOCS_URL_FOR,),
)
