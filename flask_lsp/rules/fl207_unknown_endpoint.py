"""FL207: `url_for('name')` where no route has that endpoint."""

from __future__ import annotations

from collections.abc import Iterator

from flask_lsp.analysis.findings import Finding, Fix, Severity

from ._routing import DOCS_URL_FOR, facts_here, replace_literal, the_map
from .base import Rule, RuleContext

EXPLANATION = """\
`url_for` looks the endpoint up in the app's URL map and raises when it is not there:

    werkzeug.routing.exceptions.BuildError: Could not build url for endpoint 'index'.
    Did you mean 'main.index' instead?

Endpoints of blueprint views are qualified with the blueprint's name (`main.index`, nested:
`parent.child.index`, or the `name=` given to `register_blueprint`). A relative name (`.index`)
means "in the blueprint of the current request"; in an app-level view Flask simply drops the
dot. flask-lsp builds the route map of the whole workspace and reports names that match no
route, with a did-you-mean. It stays quiet when the map may be incomplete: blueprints registered
in a loop, endpoints computed at run time, extensions that add their own endpoints, or no app
in the workspace.

**How to fix.** Use the full endpoint name (`main.index`), or `.index` inside the same
blueprint. The quick fix replaces the name with the suggestion.
"""


def check(rc: RuleContext) -> Iterator[Finding]:
    facts = facts_here(rc)
    if facts is None or not facts.url_fors:
        return
    rmap = the_map(rc)
    if not rmap.has_app or not rmap.complete:
        return
    for call in facts.url_fors:
        lit = call.endpoint
        if lit is None or lit.value is None:
            continue
        name = lit.value
        names = rmap.resolve_endpoint(rc.path, call)
        if names is None:
            # A relative name outside a view: fine if any blueprint has such a view.
            if any(e.endswith(name) or e == name[1:] for e in rmap.by_endpoint):
                continue
            names = [name[1:]]
        missing = [n for n in names if not rmap.endpoint_exists(n)]
        if not missing:
            continue
        wanted = missing[0]
        suggestions = rmap.suggestions(wanted)
        bases = rmap.relative_bases(rc.path, call.function) or []
        suggestions = _prefer_relative(suggestions, bases)
        hint = ""
        fix = None
        if suggestions:
            hint = "; did you mean " + " or ".join(f"`{s}`" for s in suggestions) + "?"
            edit = replace_literal(lit, suggestions[0])
            if edit is not None:
                fix = Fix(f"Use `{suggestions[0]}`", (edit,))
        where = f" (`{name}` resolves to `{wanted}` here)" if wanted != name else ""
        yield rc.finding(
            lit.span,
            f"no route has the endpoint `{wanted}`{where}: `url_for` raises `BuildError`{hint}",
            fix=fix,
        )


def _prefer_relative(suggestions: list[str], bases: list[str]) -> list[str]:
    """In a blueprint view, `.index` is what the user most likely meant by `index`."""
    ordered = sorted(
        suggestions, key=lambda s: 0 if any(s.startswith(b + ".") for b in bases if b) else 1
    )
    return ordered


RULE = Rule(
    code="FL207",
    name="unknown-endpoint",
    title="`url_for` names an endpoint that no route has",
    severity=Severity.ERROR,
    explanation=EXPLANATION,
    check=check,
    fixable=True,
    docs=(DOCS_URL_FOR,),
)
