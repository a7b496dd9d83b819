"""FL210: a blueprint with routes that no app registers."""

from __future__ import annotations

from collections.abc import Iterator

from flask_lsp.analysis.findings import Finding, Severity

from ._routing import DOCS_BLUEPRINTS, facts_here, the_map
from .base import Rule, RuleContext

EXPLANATION = """\
A blueprint only records its routes; they exist once the blueprint is registered with
`app.register_blueprint(bp)` (or on a parent blueprint that is registered). A blueprint that
nothing registers serves nothing: every one of its URLs answers 404, and `url_for` raises
`BuildError` for its endpoints. Flask says nothing.

flask-lsp reports it when the workspace has an app and no registration anywhere names the
blueprint. It stays quiet when some registration cannot be followed (a loop over blueprints,
a registration on an object it cannot resolve) and in libraries with no app.

**How to fix.** Register it where the app is created: `app.register_blueprint(bp)`.
"""


def check(rc: RuleContext) -> Iterator[Finding]:
    facts = facts_here(rc)
    if facts is None or not any(o.kind == "blueprint" for o in facts.objects.values()):
        return
    rmap = the_map(rc)
    if not rmap.has_app or not rmap.complete:
        return
    for key, obj in facts.objects.items():
        if obj.kind != "blueprint":
            continue
        instances = [i for i in rmap.instances if i.bp == key]
        if not instances or any(i.registered for i in instances):
            continue
        if any(child == key for _, _, _, child in rmap.registrations):
            continue  # registered on a parent blueprint: the parent is what is missing
        names = {i.name for i in instances}
        routes = [
            r
            for r in rmap.routes
            if any(r.bp_name == n or r.bp_name.startswith(n + ".") for n in names)
        ]
        if not any(r.decl is not None for r in routes):
            continue
        name = obj.name.value if obj.name is not None and obj.name.value else key
        yield rc.finding(
            obj.span,
            f"blueprint `{name}` has {len([r for r in routes if r.decl])} route(s) but no app "
            "registers it: its URLs answer 404 (add `app.register_blueprint(...)`)",
        )


RULE = Rule(
    code="FL210",
    name="blueprint-never-registered",
    title="a blueprint with routes that is registered on no app",
    severity=Severity.WARNING,
    explanation=EXPLANATION,
    check=check,
    docs=(DOCS_BLUEPRINTS,),
)
