"""FL202: a rule or `url_prefix` that does not start with `/`."""

from __future__ import annotations

from collections.abc import Iterator

from flask_lsp.analysis.findings import Finding, Fix, Related, Severity
from flask_lsp.analysis.route_facts import Literal

from ._routing import DOCS_ROUTING, facts_here, insert_in_literal, quote, the_map
from .base import Rule, RuleContext

EXPLANATION = """\
Werkzeug requires every URL rule to start with a slash; registering one that does not raises

    ValueError: URL rule 'about' must start with a slash.

For an app route that happens at import time. Under a blueprint it depends on the prefix: Flask
joins `url_prefix` and rule with exactly one `/`, so `@bp.route("users")` works when the
blueprint has `url_prefix="/api"` (given at `Blueprint(...)` or at every `register_blueprint`,
so flask-lsp does not report it) and raises when it has none. A blueprint that the model sees
registered nowhere (built by a factory, registered in a loop) is not judged. A `url_prefix` without a leading slash (`"api"`) produces
rules like `api/users` and raises when the blueprint is registered.

**How to fix.** Start rules and prefixes with `/`: `@bp.route("/users")`,
`url_prefix="/api"`. The quick fix adds the slash.
"""


def check(rc: RuleContext) -> Iterator[Finding]:
    facts = facts_here(rc)
    if facts is None:
        return
    rmap = the_map(rc)
    for decl in facts.routes:
        lit = decl.rule
        if lit is None or lit.value is None or lit.value.startswith("/"):
            continue
        owner = rmap.owner_of(rc.path, decl)
        kind = rmap.kind_of(owner)
        if kind is None:
            continue
        rule = lit.value
        if kind == "blueprint":
            prefixes = [i.url_prefix for i in rmap.instances_of(owner) if i.registered]
            if not prefixes or any(p is not None for p in prefixes):
                # Registered nowhere the model sees (a blueprint factory, a loop over names):
                # undecided. Under a prefix, even "", Flask joins prefix and rule with a "/";
                # a prefix on some registrations only is left to the registrations' reader.
                continue
        edit = insert_in_literal(lit, 0, "/")
        where = "an app route" if kind == "app" else "a blueprint without url_prefix"
        yield rc.finding(
            lit.span,
            f"rule {quote(rule)} does not start with `/` ({where}): Werkzeug raises "
            f"`ValueError: URL rule '{rule}' must start with a slash.`",
            fix=Fix("Add the leading `/`", (edit,)) if edit else None,
        )
    prefixed: list[tuple[Literal, str | None]] = []
    for key, obj in facts.objects.items():
        if obj.kind == "blueprint" and obj.url_prefix is not None:
            prefixed.append((obj.url_prefix, key))
    for _, reg, _, child in rmap.registrations_in(rc.path):
        if reg.url_prefix is not None:
            prefixed.append((reg.url_prefix, child))
    for lit, bp_key in prefixed:
        value = lit.value
        if value is None or value == "" or value.startswith("/"):
            continue
        names = {i.name for i in rmap.instances_of(bp_key)}
        affected = [
            r
            for r in rmap.routes
            if r.blueprint is not None
            and any(r.bp_name == n or r.bp_name.startswith(n + ".") for n in names)
        ]
        bad = [r for r in affected if not r.rule.startswith("/")]
        edit = insert_in_literal(lit, 0, "/")
        fix = Fix("Add the leading `/`", (edit,)) if edit else None
        if bad:
            related = [
                Related(r.decl_path, r.decl.span, f"becomes `{r.rule}`")
                for r in bad[:3]
                if r.decl_path is not None and r.decl is not None
            ]
            yield rc.finding(
                lit.span,
                f"url_prefix `{value}` does not start with `/`: rules become `{bad[0].rule}`"
                f" and Werkzeug raises `ValueError: URL rule '{bad[0].rule}' must start with a"
                " slash.`",
                fix=fix,
                related=related,
            )


RULE = Rule(
    code="FL202",
    name="missing-leading-slash",
    title="a URL rule or `url_prefix` that does not start with `/`",
    severity=Severity.ERROR,
    explanation=EXPLANATION,
    check=check,
    fixable=True,
    docs=(DOCS_ROUTING,),
)
