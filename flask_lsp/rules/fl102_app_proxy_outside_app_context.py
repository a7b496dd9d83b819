"""FL102: `current_app` or `g` used where no application context is active."""

from __future__ import annotations

from collections.abc import Iterator

from flask_lsp.analysis.findings import Finding, Severity

from ._contexts import context_findings
from .base import Rule, RuleContext

EXPLANATION = """\
`current_app` and `g` point at the application context Flask pushes around each request and
each CLI command. At import time, in an app factory before `with app.app_context():`, or in a
background thread there is none, and using them raises:

    RuntimeError: Working outside of application context.

    This typically means that you attempted to use functionality that needed
    the current application. To solve this, set up an application context
    with app.app_context(). See the documentation for more information.

**How to fix.** Inside the factory, use the `app` object itself instead of `current_app`, or put
the code under `with app.app_context():` (the quick fix does this when an app object is in scope).
In other threads pass `current_app._get_current_object()` rather than the proxy.
"""


def check(rc: RuleContext) -> Iterator[Finding]:
    yield from context_findings(rc, "app")


RULE = Rule(
    code="FL102",
    name="app-proxy-outside-app-context",
    title="`current_app` / `g` used where no application context is active",
    severity=Severity.ERROR,
    explanation=EXPLANATION,
    check=check,
    fixable=True,
    docs=("https://flask.palletsprojects.com/en/stable/appcontext/",),
)
