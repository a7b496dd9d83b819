"""FL408: the development server bound to every interface."""

from __future__ import annotations

from collections.abc import Iterator

from flask_lsp.analysis.findings import Finding, Severity

from . import _config, _run
from .base import OPINION_GROUP, Rule, RuleContext

EXPLANATION = """\
`app.run(host="0.0.0.0")` makes the development server listen on every network interface, so
anyone who can reach the machine (the café Wi-Fi, the office network, the internet for a cloud
VM) can reach the app. Werkzeug's server is not built for that; it says so when it starts:
"WARNING: This is a development server. Do not use it in a production deployment." On its own
that is how you test from a phone or run inside a container, and flask-lsp does not report it.
With debug mode on it is an error: the interactive debugger then runs Python code for anyone on
the network who can trigger an exception (and guess or brute-force the PIN).

**How to fix.** Bind to `127.0.0.1` (the default) and put a production server (gunicorn,
waitress...) behind a reverse proxy; never combine `0.0.0.0` with debug mode.
"""


def check(rc: RuleContext) -> Iterator[Finding]:
    debug_in_config: bool | None = None
    for run in _run.run_calls(rc.module):
        host = _run.literal_keyword(run.call, "host", position=0)
        if host not in _run.EVERY_INTERFACE:
            continue
        debug = _run.literal_keyword(run.call, "debug", position=2)
        if debug is ...:  # not given: the configuration decides
            if debug_in_config is None:
                debug_in_config = any(
                    v.kind == "literal" and v.value is True and not v.profile
                    for v in _config.values(rc, "DEBUG")
                )
            debug = debug_in_config
        if debug is not True:
            continue  # on its own, `0.0.0.0` is how containers and phones reach a dev server
        message = (
            f"the development server listens on every interface ({host}) with debug mode "
            "on: anyone on the network can run code through the debugger"
        )
        yield rc.finding(rc.module.span(run.call), message)


RULE = Rule(
    group=OPINION_GROUP,
    code="FL408",
    name="dev-server-on-all-interfaces",
    title="the development server bound to every interface with debug mode on",
    severity=Severity.ERROR,
    explanation=EXPLANATION,
    check=check,
    docs=("https://flask.palletsprojects.com/en/stable/deploying/",),
)
