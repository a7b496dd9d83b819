"""FL408: the development server bound to every interface."""

from __future__ import annotations

from collections.abc import Iterator

from flask_lsp.analysis.findings import Finding, Severity

from . import _config, _run
from .base import Rule, RuleContext

EXPLANATION = """\
`app.run(host="0.0.0.0")` makes the development server listen on every network interface, so
anyone who can reach the machine (the café Wi-Fi, the office network, the internet for a cloud
VM) can reach the app. Werkzeug's server is not built for that; it says so when it starts:
"WARNING: This is a development server. Do not use it in a production deployment." On its own this is a hint: it is also how you test from a
phone or run inside a container. With debug mode on it is an error: the interactive debugger
then runs Python code for anyone on the network who can trigger an exception (and guess or
brute-force the PIN).

**How to fix.** Bind to `127.0.0.1` (the default) and put a production server (gunicorn,
waitress...) behind a reverse proxy; never combine `0.0.0.0` with debug mode.
"""

_EVERYWHERE = frozenset({"0.0.0.0", "::", "[::]", "0:0:0:0:0:0:0:0"})


def check(rc: RuleContext) -> Iterator[Finding]:
    debug_in_config = any(
        v.kind == "literal" and v.value is True and not v.profile
        for v in _config.values(rc, "DEBUG")
    )
    for run in _run.run_calls(rc.module):
        host = _run.literal_keyword(run.call, "host", position=0)
        if host not in _EVERYWHERE:
            continue
        span = rc.module.span(run.call)
        if _run.literal_keyword(run.call, "debug", position=2) is True or debug_in_config:
            message = (
                f"the development server listens on every interface ({host}) with debug mode "
                "on: anyone on the network can run code through the debugger"
            )
            yield rc.finding(span, message, severity=Severity.ERROR)
        else:
            message = (
                f"the development server listens on every interface ({host}): anyone on the "
                "network can reach it; it is not meant for production"
            )
            yield rc.finding(span, message)


RULE = Rule(
    code="FL408",
    name="dev-server-on-all-interfaces",
    title="the development server bound to every interface (an error with debug on)",
    severity=Severity.HINT,
    explanation=EXPLANATION,
    check=check,
    docs=("https://flask.palletsprojects.com/en/stable/deploying/",),
)
