"""FL402: debug mode switched on in code."""

from __future__ import annotations

from collections.abc import Iterator

from flask_lsp.analysis.findings import Finding, Fix, Severity

from . import _calls, _config, _run
from .base import Rule, RuleContext

EXPLANATION = """\
In debug mode Flask serves the interactive Werkzeug debugger on every unhandled exception: a
Python console in the browser, running code as the server's user. The console is PIN-protected,
but the PIN is derived from machine facts and is not meant as a security boundary, and the
tracebacks show source, settings and secrets (Flask's `run()` documentation: with the debug flag
the server will "show a debugger in case an exception happened"). Switched on in code
(`app.run(debug=True)`, `app.debug = True`, `DEBUG = True` in a configuration that is not a
development or testing one), it follows the code wherever it is deployed.

**How to fix.** Leave it out of the code and turn it on per machine: `flask run --debug`, or
`FLASK_DEBUG=1` in the development environment. The quick fix drops `debug=True` from
`app.run(...)`.
"""


def check(rc: RuleContext) -> Iterator[Finding]:
    for run in _run.run_calls(rc.module):
        keyword = _calls.keyword(run.call, "debug")
        if keyword is None or _run.literal_keyword(run.call, "debug") is not True:
            continue
        fix = Fix(
            "Remove `debug=True` (use `flask run --debug` or FLASK_DEBUG=1)",
            (_calls.remove_keyword(rc.module.source, run.call, keyword),),
        )
        message = (
            "`debug=True` in `app.run(...)` turns on the interactive debugger, which runs code "
            "for whoever triggers an error; use `flask run --debug` / FLASK_DEBUG instead"
        )
        yield rc.finding(rc.module.span(keyword), message, fix=fix)
    for value in _config.values(rc, "DEBUG"):
        if value.profile or value.kind != "literal" or value.value is not True:
            continue
        message = (
            f"debug mode switched on in code ({value.via}): the interactive debugger runs code "
            "for whoever triggers an error; enable it per machine with FLASK_DEBUG=1"
        )
        yield rc.finding(value.span, message)


RULE = Rule(
    code="FL402",
    name="debug-enabled-in-code",
    title="debug mode switched on in code (`app.run(debug=True)`, `DEBUG = True`)",
    severity=Severity.WARNING,
    explanation=EXPLANATION,
    check=check,
    fixable=True,
    docs=("https://flask.palletsprojects.com/en/stable/debugging/",),
)
