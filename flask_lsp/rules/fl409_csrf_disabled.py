"""FL409: CSRF protection switched off outside a testing configuration."""

from __future__ import annotations

from collections.abc import Iterator

from flask_lsp.analysis.findings import Finding, Severity

from . import _config
from .base import Rule, RuleContext

EXPLANATION = """\
Flask-WTF checks a CSRF token on every form POST (and, with `CSRFProtect`, on every unsafe
request). `WTF_CSRF_ENABLED = False` turns that off for the whole app: any site a logged-in user
visits can then submit forms to yours in their name (change the e-mail, transfer the money),
because the browser sends the session cookie along. Tests commonly switch it off, so flask-lsp
accepts it in testing configurations (`TestingConfig`, `TESTING=True` alongside, test modules
and fixtures) and reports it anywhere else.

**How to fix.** Keep CSRF protection on in every configuration that serves users; switch it off
only in the testing configuration. For an API authenticated by tokens instead of cookies,
exempt those views with `@csrf.exempt` rather than disabling it globally.
"""


def check(rc: RuleContext) -> Iterator[Finding]:
    for value in _config.values(rc, "WTF_CSRF_ENABLED"):
        if value.profile == "testing" or value.kind != "literal" or value.value is not False:
            continue
        message = (
            f"CSRF protection switched off ({value.via}) outside a testing configuration: "
            "other sites can submit forms in your users' names"
        )
        yield rc.finding(value.span, message)


RULE = Rule(
    code="FL409",
    name="csrf-disabled",
    title="CSRF protection switched off (`WTF_CSRF_ENABLED = False`) outside testing",
    severity=Severity.WARNING,
    explanation=EXPLANATION,
    check=check,
    docs=("https://flask-wtf.readthedocs.io/en/stable/csrf/",),
)
