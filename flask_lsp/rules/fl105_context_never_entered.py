"""FL105: `app.app_context()` / `app.test_request_context()` created but never entered."""

from __future__ import annotations

from collections.abc import Iterator

from flask_lsp.analysis import edits
from flask_lsp.analysis.findings import Finding, Fix, Severity, Span

from .base import Rule, RuleContext

EXPLANATION = """\
`app.app_context()`, `app.test_request_context()` and `app.request_context()` only *create* a
context object. Nothing is pushed until it is entered with `with` or `.push()`ed, so the code
after a bare `app.app_context()` still runs with no context, and fails with
`RuntimeError: Working outside of application context.`

**How to fix.** Use it as a context manager:

    with app.app_context():
        db.create_all()

The quick fix turns a bare call into a `with` block around the statements that follow it.
"""


def check(rc: RuleContext) -> Iterator[Finding]:
    for creation in rc.module.facts.context_creations:
        if creation.bare:
            message = (
                f"`{creation.call_text}` creates a context but never enters it: nothing is "
                "pushed; use `with` (or `.push()`)"
            )
        else:
            message = (
                f"the context from `{creation.call_text}` is never entered or pushed; code "
                "after it runs without that context"
            )
        fix = _with_block_fix(rc, creation.statement, creation.call_text) if creation.bare else None
        yield rc.finding(creation.span, message, fix=fix)


def _with_block_fix(rc: RuleContext, statement: Span, call_text: str) -> Fix | None:
    found = edits.find_block(rc.module.tree, statement.start_line)
    if found is None:
        return None
    block, index = found
    source = rc.module.source
    following = block[index + 1 :]
    indent = source.indent_of(statement.start_line)
    newline = source.line_break()
    header = f"{indent}with {call_text}:"
    if not following:
        new_text = f"{header}{newline}{indent}{edits.INDENT}pass"
        whole = _lines(rc, statement.start_line, statement.end_line)
        return Fix(f"Enter it: `with {call_text}:`", (edits.replace(whole, new_text),))
    last = following[-1]
    end_line = (last.end_lineno or last.lineno) - 1
    body_span = Span(following[0].lineno - 1, 0, end_line, len(source.line(end_line)))
    if not edits.can_reindent(source, body_span):
        return None
    body = [
        (edits.INDENT + line if line.strip() else line)
        for line in source.lines[statement.end_line + 1 : end_line + 1]
    ]
    new_text = newline.join([header, *body])
    return Fix(
        f"Enter it: `with {call_text}:` around the rest of the block",
        (edits.replace(_lines(rc, statement.start_line, end_line), new_text),),
    )


def _lines(rc: RuleContext, first: int, last: int) -> Span:
    return edits.whole_lines(rc.module.source, first, last)


RULE = Rule(
    code="FL105",
    name="context-never-entered",
    title="`app.app_context()` / `test_request_context()` created but never entered",
    severity=Severity.WARNING,
    explanation=EXPLANATION,
    check=check,
    fixable=True,
    docs=("https://flask.palletsprojects.com/en/stable/appcontext/#manually-push-a-context",),
)
