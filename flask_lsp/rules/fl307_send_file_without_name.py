"""FL307: `send_file(<file-like object>)` with neither `mimetype` nor `download_name`."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from flask_lsp.analysis.findings import Finding, Fix, Severity

from . import _calls
from .base import Rule, RuleContext

EXPLANATION = """\
`send_file` picks the `Content-Type` from the file name. Given a path or a real file it has
one; given an in-memory buffer (`io.BytesIO`, `io.StringIO`) it has none, and Werkzeug raises
when the view runs:

    TypeError: Unable to detect the MIME type because a file name is not available. Either
    set 'download_name', pass a path instead of a file, or set 'mimetype'.

**How to fix.** Pass `download_name="report.csv"` (quick fix: a placeholder name to edit; with
`as_attachment=True` it is also the name the browser saves) or `mimetype="text/csv"`.
"""

_BUFFERS = frozenset({"io.BytesIO", "io.StringIO", "_io.BytesIO", "_io.StringIO"})
_SEND_FILE = frozenset({"flask.send_file"})


def check(rc: RuleContext) -> Iterator[Finding]:
    if "send_file" not in rc.module.source.text:
        return
    for node in rc.module.nodes_of(ast.Call):
        if not node.args:
            continue
        raw = rc.module.resolve(node.func)
        if raw is None or rc.canonical(raw) not in _SEND_FILE:
            continue
        if len(node.args) > 1 or _calls.has_double_star(node):
            continue
        if any(
            _calls.keyword(node, k) for k in ("mimetype", "download_name", "attachment_filename")
        ):
            continue
        buffer = _buffer(rc, node.args[0])
        if buffer is None:
            continue
        message = (
            f"`send_file` of a `{buffer}` with neither `mimetype` nor `download_name`: Werkzeug "
            "cannot guess the type and raises TypeError when the view runs"
        )
        fix = Fix(
            "Add `download_name=`",
            (_calls.add_keyword(rc.module.source, node, 'download_name="download.bin"'),),
        )
        yield rc.finding(rc.module.span(node), message, fix=fix)


def _buffer(rc: RuleContext, node: ast.expr) -> str | None:
    """`io.BytesIO(...)`, directly or through a variable assigned in the same scope."""
    if isinstance(node, ast.Name):
        value = rc.module.names.assigned_value(node.id, rc.module.scope_at(node), node.lineno)
        if value is None:
            return None
        node = value
    if isinstance(node, ast.Call):
        raw = rc.module.resolve(node.func)
        if raw in _BUFFERS:
            return raw.rpartition(".")[2]
    return None


RULE = Rule(
    code="FL307",
    name="send-file-without-name",
    title="`send_file(<in-memory file>)` with neither `mimetype` nor `download_name`",
    severity=Severity.ERROR,
    explanation=EXPLANATION,
    check=check,
    fixable=True,
    docs=("https://flask.palletsprojects.com/en/stable/api/#flask.send_file",),
)
