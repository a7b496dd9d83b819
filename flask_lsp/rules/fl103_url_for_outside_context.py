"""FL103: `url_for` called where it cannot build a URL."""

from __future__ import annotations

from collections.abc import Iterator

from flask_lsp.analysis.findings import Finding, Severity

from ._contexts import context_findings
from .base import Rule, RuleContext

EXPLANATION = """\
`url_for` builds URLs from the current application's URL map, so it needs an application
context; with no context at all it raises `RuntimeError: Working outside of application context.`
With an application context but no request (a CLI command, a `with app.app_context():` block) it
needs to know the server's name and raises

    RuntimeError: Unable to build URLs outside an active request without 'SERVER_NAME'
    configured. Also configure 'APPLICATION_ROOT' and 'PREFERRED_URL_SCHEME' as needed.

unless `SERVER_NAME` is configured (flask-lsp looks for it anywhere in the workspace).

**How to fix.** Call `url_for` from views and templates; in CLI commands or jobs that build links
for e-mails, set `SERVER_NAME` or use `with app.test_request_context():`. At import time, wrap
the code in `with app.app_context():` (the quick fix does this when an app object is in scope).
"""


def check(rc: RuleContext) -> Iterator[Finding]:
    yield from context_findings(rc, "url_for")


RULE = Rule(
    code="FL103",
    name="url-for-outside-context",
    title="`url_for` called where no request or application context is active",
    severity=Severity.ERROR,
    explanation=EXPLANATION,
    check=check,
    fixable=True,
    docs=("https://flask.palletsprojects.com/en/stable/api/#flask.url_for",),
)
