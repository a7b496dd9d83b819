"""FL101: `request` or `session` used where no request context is active."""

from __future__ import annotations

from collections.abc import Iterator

from flask_lsp.analysis.findings import Finding, Severity

from ._contexts import context_findings
from .base import Rule, RuleContext

EXPLANATION = """\
`request` and `session` are *proxies*: they point at the request Flask is handling right now, and
there is one only while Flask is handling it. Used anywhere else (at import time, in a class body
or a default argument, in an app factory, a CLI command, a background thread or task) they raise:

    RuntimeError: Working outside of request context.

    This typically means that you attempted to use functionality that needed
    an active HTTP request. Consult the documentation on testing for
    information about how to avoid this problem.

flask-lsp flags a use when it knows the code runs outside a request: module level, class bodies,
default and decorator arguments, app factories, `@app.cli.command`s, `teardown_appcontext`
handlers, Celery-style tasks. A helper function is judged by its callers: it is flagged at the
call that starts the chain (say, a helper that reads `session`, called at import time), with the
chain in the related information; a helper whose callers are unknown is never flagged.

**How to fix.** Read request data inside a view (or a `before_request` hook) and pass the values
on. In tests, use `with app.test_request_context(...):` or the test client.
"""


def check(rc: RuleContext) -> Iterator[Finding]:
    yield from context_findings(rc, "request")


RULE = Rule(
    code="FL101",
    name="request-outside-request-context",
    title="`request` / `session` used where no request context is active",
    severity=Severity.ERROR,
    explanation=EXPLANATION,
    check=check,
    docs=("https://flask.palletsprojects.com/en/stable/reqcontext/",),
)
