"""FL403: session cookie protections switched off explicitly."""

from __future__ import annotations

from collections.abc import Iterator

from flask_lsp.analysis.findings import Finding, Severity

from . import _config
from .base import OPINION_GROUP, Rule, RuleContext

EXPLANATION = """\
Flask's session cookie carries the signed session: whoever holds it is logged in. Three flags
protect it:
- `SESSION_COOKIE_SECURE`: only send it over HTTPS (otherwise anyone on the network path can
  read it from a plain-HTTP request);
- `SESSION_COOKIE_HTTPONLY` (Flask's default: True): keep it away from JavaScript, so an XSS
  bug cannot steal it;
- `SESSION_COOKIE_SAMESITE` ("Lax" or "Strict"): do not send it on cross-site requests, which
  blocks most CSRF. `None` leaves the attribute out, the string `"None"` explicitly allows
  cross-site use.

flask-lsp reports a configuration that switches one of them off explicitly
(`SESSION_COOKIE_SECURE = False`, `SESSION_COOKIE_HTTPONLY = False`,
`SESSION_COOKIE_SAMESITE = None`), outside development and testing configurations.

**How to fix.** In production: `SESSION_COOKIE_SECURE=True`, `SESSION_COOKIE_HTTPONLY=True`,
`SESSION_COOKIE_SAMESITE="Lax"`; keep the relaxed values in a `DevelopmentConfig`.
"""

_WEAK = {
    "SESSION_COOKIE_SECURE": "the cookie is also sent over plain HTTP",
    "SESSION_COOKIE_HTTPONLY": "JavaScript (and so any XSS) can read the session cookie",
    "SESSION_COOKIE_SAMESITE": "the cookie is sent on cross-site requests (CSRF)",
}


def check(rc: RuleContext) -> Iterator[Finding]:
    for value in _config.facts(rc).values:
        if value.key not in _WEAK or value.profile or value.kind != "literal":
            continue
        if value.key == "SESSION_COOKIE_SAMESITE":
            weak = value.value is None or (
                isinstance(value.value, str) and value.value.lower() == "none"
            )
        else:
            weak = value.value is False
        if weak:
            message = f"`{value.key} = {value.value!r}` ({value.via}): {_WEAK[value.key]}"
            yield rc.finding(value.span, message)


RULE = Rule(
    group=OPINION_GROUP,
    code="FL403",
    name="weak-session-cookie",
    title="session cookie protections switched off (`SESSION_COOKIE_SECURE=False`...)",
    severity=Severity.WARNING,
    explanation=EXPLANATION,
    check=check,
    docs=("https://flask.palletsprojects.com/en/stable/web-security/#set-cookie-options",),
)
