"""FL205: a route or other setup method called on a blueprint after it was registered."""

from __future__ import annotations

from collections.abc import Iterator

from flask_lsp.analysis.findings import Finding, Related, Severity

from ._routing import DOCS_BLUEPRINTS, facts_here, the_map
from .base import Rule, RuleContext

EXPLANATION = """\
Registering a blueprint replays everything recorded on it *so far*. Since Flask 2.2, calling a
setup method (`route`, `add_url_rule`, `before_request`, `errorhandler`, `register_blueprint`...)
on a blueprint that has already been registered raises:

    AssertionError: The setup method 'route' can no longer be called on the blueprint 'api'.
    It has already been registered at least once, any changes will not be applied consistently.
    Make sure all imports, decorators, functions, etc. needed to set up the blueprint are done
    before registering it.

**How to fix.** Define every route and hook before `register_blueprint(...)`: import the views
module first, or move the registration to the end of the factory. flask-lsp reports a setup call
that comes after the registration in the same module-level code or the same function.
"""


def check(rc: RuleContext) -> Iterator[Finding]:
    facts = facts_here(rc)
    if facts is None or not facts.setup_calls:
        return
    rmap = the_map(rc)
    registrations = [
        (reg, child)
        for path, reg, parent, child in rmap.registrations
        if path == rc.path
        and child is not None
        and not reg.conditional
        and rmap.kind_of(parent) == "app"
    ]
    if not registrations:
        return
    for call in facts.setup_calls:
        owner = rmap.resolve(call.owner, rc.path)
        for reg, child in registrations:
            if owner != child or call.function != reg.function or call.line <= reg.line:
                continue
            yield rc.finding(
                call.span,
                f"`{call.method}` is called on the blueprint after it was registered: Flask "
                f"raises `AssertionError: The setup method '{call.method}' can no longer be "
                "called on the blueprint`",
                related=[Related(rc.path, reg.span, "registered here")],
            )
            break


RULE = Rule(
    code="FL205",
    name="setup-after-registration",
    title="a route or setup method called on a blueprint after it has been registered",
    severity=Severity.ERROR,
    explanation=EXPLANATION,
    check=check,
    docs=(DOCS_BLUEPRINTS,),
)
