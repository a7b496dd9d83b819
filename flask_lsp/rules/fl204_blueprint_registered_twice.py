"""FL204: one blueprint name registered twice on one app (Flask raises)."""

from __future__ import annotations

from collections.abc import Iterator

from flask_lsp.analysis.findings import Finding, Related, Severity, Span
from flask_lsp.analysis.routes import RouteMap

from ._routing import DOCS_BLUEPRINTS, the_map
from .base import Rule, RuleContext

EXPLANATION = """\
An app keeps its blueprints by name. Registering the same blueprint twice, or two blueprints
with the same name, raises at start-up:

    ValueError: The name 'account' is already registered for this blueprint. Use 'name=' to
    provide a unique name.

Registering one blueprint on two *different* apps is fine, and so is registering it twice on
one app with distinct names: `app.register_blueprint(bp, url_prefix="/me", name="me")` makes
its endpoints `me.<view>`.

**How to fix.** Remove the second registration, or give it its own `name=` (and usually its own
`url_prefix=`). flask-lsp does not report registrations inside `if`/loops, where only one may run.
"""


def check(rc: RuleContext) -> Iterator[Finding]:
    rmap = the_map(rc)
    for dup in rmap.duplicates:
        if dup.path != rc.path or dup.registration.conditional:
            continue
        first_path, first_span = dup.first
        if first_path == dup.path and _conditional_at(rmap, first_path, first_span):
            continue
        what = "this blueprint" if dup.same_blueprint else "a different blueprint"
        yield rc.finding(
            dup.registration.span,
            f"the name `{dup.name}` is already registered on this app for {what}: Flask raises "
            "`ValueError`; pass a distinct `name=`",
            related=[Related(first_path, first_span, f"`{dup.name}` first registered here")],
        )


def _conditional_at(rmap: RouteMap, path: str, span: Span) -> bool:
    return any(p == path and r.span == span and r.conditional for p, r, _, _ in rmap.registrations)


RULE = Rule(
    code="FL204",
    name="blueprint-registered-twice",
    title="the same blueprint (name) registered twice on one app without a distinct `name=`",
    severity=Severity.ERROR,
    explanation=EXPLANATION,
    check=check,
    docs=(DOCS_BLUEPRINTS,),
)
