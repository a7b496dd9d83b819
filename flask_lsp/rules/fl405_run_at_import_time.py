"""FL405: `app.run(...)` executed when the module is imported (no `__main__` guard)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import PurePath

from flask_lsp.analysis import edits
from flask_lsp.analysis.findings import Finding, Fix, Severity

from . import _run
from .base import Rule, RuleContext

EXPLANATION = """\
`app.run()` starts Flask's development server and blocks until it stops. At module level it runs
whenever the module is *imported*, not only when the file is executed: `gunicorn app:app`,
uWSGI, `flask run`, `flask shell`, a test that imports the app, or a worker all import the
module, and then start (or try to start) a second, development server inside the production
process, or hang there. Flask's documentation: "Do not use `run()` in a production setting."

**How to fix.** Put it under the main guard (quick fix), or drop it and use `flask run`:

    if __name__ == "__main__":
        app.run()
"""


def check(rc: RuleContext) -> Iterator[Finding]:
    if PurePath(rc.path).name == "__main__.py":
        return
    for run in _run.run_calls(rc.module):
        if not run.import_time:
            continue
        message = (
            "`app.run()` runs at import time: importing this module (gunicorn, `flask run`, "
            'tests) starts the development server; put it under `if __name__ == "__main__":`'
        )
        yield rc.finding(rc.module.span(run.call), message, fix=_guard_fix(rc, run))


def _guard_fix(rc: RuleContext, run: _run.RunCall) -> Fix | None:
    if not run.top_level:
        return None
    source = rc.module.source
    span = source.span_of(run.statement)
    before = source.line(span.start_line)[: span.start_col]
    after = source.line(span.end_line)[span.end_col :].strip()
    if before.strip() or (after and not after.startswith("#")):
        return None
    edit = edits.wrap_in_block(source, span, 'if __name__ == "__main__"')
    if edit is None:
        return None
    return Fix('Put it under `if __name__ == "__main__":`', (edit,))


RULE = Rule(
    code="FL405",
    name="run-at-import-time",
    title='`app.run()` runs at import time (no `if __name__ == "__main__":` guard)',
    severity=Severity.WARNING,
    explanation=EXPLANATION,
    check=check,
    fixable=True,
    docs=("https://flask.palletsprojects.com/en/stable/api/#flask.Flask.run",),
)
