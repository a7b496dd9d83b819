"""Findings to LSP diagnostics and back: the fix travels in `Diagnostic.data`."""

from __future__ import annotations

from typing import Any

from lsprotocol import types

from flask_lsp.analysis.findings import Finding, Fix, Severity
from flask_lsp.analysis.source import SourceText
from flask_lsp.rules.registry import rule_by_code

from .positions import Encoder

SOURCE = "flask-lsp"


def to_diagnostic(
    finding: Finding, source: SourceText, encoder: Encoder, uri_of: Any, related_supported: bool
) -> types.Diagnostic:
    rule = rule_by_code(finding.code)
    docs = rule.docs[0] if rule and rule.docs else None
    related = None
    if related_supported and finding.related:
        related = [
            types.DiagnosticRelatedInformation(
                location=types.Location(
                    uri=uri_of(r.path), range=_plain_range(r.span, r.path, finding, source, encoder)
                ),
                message=r.message,
            )
            for r in finding.related
        ]
    data: dict[str, Any] = {"code": finding.code}
    if finding.fix is not None:
        data["fix"] = _fix_data(finding.fix, finding, source, encoder, uri_of)
    return types.Diagnostic(
        range=encoder.range(source, finding.span),
        severity=types.DiagnosticSeverity(int(finding.severity)),
        code=finding.code,
        code_description=types.CodeDescription(href=docs) if docs else None,
        source=SOURCE,
        message=finding.message,
        related_information=related,
        data=data,
    )


def _plain_range(
    span: Any, path: str, finding: Finding, source: SourceText, encoder: Encoder
) -> types.Range:
    # Positions in other files are sent as code points: exact for ASCII, close otherwise.
    if path == finding.path:
        return encoder.range(source, span)
    return types.Range(
        start=types.Position(line=span.start_line, character=span.start_col),
        end=types.Position(line=span.end_line, character=span.end_col),
    )


def _fix_data(
    fix: Fix, finding: Finding, source: SourceText, encoder: Encoder, uri_of: Any
) -> dict[str, Any]:
    edits = []
    for edit in fix.edits:
        path = edit.path or finding.path
        rng = encoder.range(source, edit.span)
        edits.append(
            {
                "uri": uri_of(path),
                "range": {
                    "start": {"line": rng.start.line, "character": rng.start.character},
                    "end": {"line": rng.end.line, "character": rng.end.character},
                },
                "newText": edit.new_text,
            }
        )
    return {"title": fix.title, "edits": edits}


def code_action_for(diagnostic: types.Diagnostic) -> types.CodeAction | None:
    data = diagnostic.data if isinstance(diagnostic.data, dict) else None
    if not data or not isinstance(data.get("fix"), dict):
        return None
    fix = data["fix"]
    changes: dict[str, list[types.TextEdit]] = {}
    try:
        for edit in fix["edits"]:
            rng = edit["range"]
            changes.setdefault(edit["uri"], []).append(
                types.TextEdit(
                    range=types.Range(
                        start=types.Position(
                            line=rng["start"]["line"], character=rng["start"]["character"]
                        ),
                        end=types.Position(
                            line=rng["end"]["line"], character=rng["end"]["character"]
                        ),
                    ),
                    new_text=edit["newText"],
                )
            )
    except (KeyError, TypeError):
        return None
    return types.CodeAction(
        title=f"{fix.get('title', 'Fix')} ({diagnostic.code})",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic],
        edit=types.WorkspaceEdit(changes=changes),
        is_preferred=True,
    )


def noqa_action(
    diagnostic: types.Diagnostic, uri: str, line_text: str, encoder_units: int
) -> types.CodeAction:
    """`# noqa: FLxxx` at the end of the finding's line."""
    line = diagnostic.range.start.line
    stripped = line_text.rstrip()
    suffix = f"  # noqa: {diagnostic.code}"
    position = types.Position(line=line, character=encoder_units)
    return types.CodeAction(
        title=f"Ignore {diagnostic.code} on this line",
        kind=types.CodeActionKind.QuickFix,
        diagnostics=[diagnostic],
        edit=types.WorkspaceEdit(
            changes={
                uri: [
                    types.TextEdit(
                        range=types.Range(start=position, end=position),
                        new_text=suffix if stripped else suffix.strip(),
                    )
                ]
            }
        ),
    )


def severity_label(severity: Severity) -> str:
    return severity.label
