"""FL405: `app.run(...)` executed when the module is imported (no `__main__` guard)."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import PurePath

from flask_lsp.analysis import edits
from flask_lsp.analysis.findings import Finding, Fix, Severity

from . import _run
from ._data import imported_by
from .base import Rule, RuleContext

EXPLANATION = """\
`app.run()` starts Flask's development server and blocks until it stops. At module level it runs
whenever the module is *imported*, not only when the file is executed: `gunicorn app:app`,
uWSGI, `flask run`, `flask shell`, a test that imports the app, or a worker all import the
module, and then start (or try to start) a second, development server inside the production
process, or hang there. Flask's documentation: "Do not use `run()` in a production setting."

flask-lsp reports it where something imports the module: it builds the app it runs (that is
the module `flask run` and WSGI servers import), or another module of the project imports it.
A launcher script that imports the app from elsewhere and only runs it is not reported.

**How to fix.** Put it under the main guard (quick fix), or drop it and use `flask run`:

    if __name__ == "__main__":
        app.run()
"""


def check(rc: RuleContext) -> Iterator[Finding]:
    if PurePath(rc.path).name == "__main__.py":
        return
    for run in _run.run_calls(rc.module):
        if not run.import_time or not _imported_for_its_app(rc, run):
            continue
        message = (
            "`app.run()` runs at import time: importing this module (gunicorn, `flask run`, "
            'tests) starts the development server; put it under `if __name__ == "__main__":`'
        )
        yield rc.finding(rc.module.span(run.call), message, fix=_guard_fix(rc, run))


def _imported_for_its_app(rc: RuleContext, run: _run.RunCall) -> bool:
    """Something imports this module: it builds the app it runs (`flask run` and WSGI servers
    import the module that makes the app), or another module of the workspace imports it. A
    launcher script that imports the app from elsewhere and runs it is only ever executed."""
    receiver = run.call.func.value if isinstance(run.call.func, ast.Attribute) else None
    if isinstance(receiver, ast.Name):
        scope = rc.module.scope_at(receiver)
        made_here = rc.module.names.assigned_value(receiver.id, scope, receiver.lineno)
        if isinstance(made_here, ast.Call):
            return True
    return bool(imported_by(rc.workspace, rc.path))


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
