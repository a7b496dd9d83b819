"""FL402: debug mode switched on in code."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from flask_lsp.analysis import edits
from flask_lsp.analysis.findings import Finding, Fix, Severity, Span

from . import _calls, _config, _run
from .base import OPINION_GROUP, Rule, RuleContext

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
`app.run(...)`, and the `DEBUG = True` / `app.debug = True` setting (debug is off by default).
"""


def check(rc: RuleContext) -> Iterator[Finding]:
    for run in _run.run_calls(rc.module):
        keyword = _calls.keyword(run.call, "debug")
        if keyword is None or _run.literal_keyword(run.call, "debug") is not True:
            continue
        if _run.literal_keyword(run.call, "host", position=0) in _run.EVERY_INTERFACE:
            continue  # FL408's error: one mistake, one finding
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
        yield rc.finding(value.span, message, fix=_drop_fix(rc, value.span))


def _drop_fix(rc: RuleContext, span: Span) -> Fix | None:
    """Drop `DEBUG = True` / `app.debug = True` / `update(DEBUG=True)`: Flask's default is off."""
    source = rc.module.source
    for node in rc.module.nodes_of(ast.Call):
        for keyword in node.keywords:
            if keyword.arg == "DEBUG" and rc.module.span(keyword.value) == span:
                edit = _calls.remove_keyword(source, node, keyword)
                return Fix("Remove `DEBUG=True`", (edit,))
    found = edits.find_block(rc.module.tree, span.start_line)
    if found is None:
        return None
    block, index = found
    statement = block[index]
    if not (
        isinstance(statement, ast.Assign | ast.AnnAssign)
        and statement.value is not None
        and rc.module.span(statement.value) == span
    ):
        return None
    whole = rc.module.span(statement)
    before = source.line(whole.start_line)[: whole.start_col]
    after = source.line(whole.end_line)[whole.end_col :].strip()
    if before.strip() or (after and not after.startswith("#")):
        return None
    if len(block) == 1:
        replacement = edits.replace(
            edits.whole_lines(source, whole.start_line, whole.end_line), before + "pass"
        )
    else:
        following = whole.end_line + 1
        if following < len(source.lines):
            removed = Span(whole.start_line, 0, following, 0)
        else:  # the file's last line, with no line break after it: take the one before
            previous = max(whole.start_line - 1, 0)
            end = len(source.line(whole.end_line))
            removed = Span(previous, len(source.line(previous)), whole.end_line, end)
        replacement = edits.replace(removed, "")
    return Fix("Remove it (debug is off by default; use FLASK_DEBUG=1 locally)", (replacement,))


RULE = Rule(
    group=OPINION_GROUP,
    code="FL402",
    name="debug-enabled-in-code",
    title="debug mode switched on in code (`app.run(debug=True)`, `DEBUG = True`)",
    severity=Severity.WARNING,
    explanation=EXPLANATION,
    check=check,
    fixable=True,
    docs=("https://flask.palletsprojects.com/en/stable/debugging/",),
)
