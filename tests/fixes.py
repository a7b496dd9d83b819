"""Apply a finding's quick fix to a text, as an editor would."""

from __future__ import annotations

from flask_lsp.analysis.findings import Finding


def apply_fix(text: str, finding: Finding) -> str:
    assert finding.fix is not None, f"{finding.code} has no fix"
    offsets = [0]
    for line in text.split("\n"):
        offsets.append(offsets[-1] + len(line) + 1)
    # From the end, so earlier offsets stay valid.
    edits = sorted(finding.fix.edits, key=lambda e: (e.span.start_line, e.span.start_col))
    for edit in reversed(edits):
        start = offsets[edit.span.start_line] + edit.span.start_col
        end = offsets[edit.span.end_line] + edit.span.end_col
        text = text[:start] + edit.new_text + text[end:]
    return text
