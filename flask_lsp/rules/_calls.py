"""Quick-fix edits on call arguments: add, replace or drop a keyword, keeping valid Python."""

from __future__ import annotations

import ast

from flask_lsp.analysis.findings import Edit, Span
from flask_lsp.analysis.source import SourceText


def keyword(call: ast.Call, name: str) -> ast.keyword | None:
    return next((k for k in call.keywords if k.arg == name), None)


def has_double_star(call: ast.Call) -> bool:
    return any(k.arg is None for k in call.keywords)


def _arguments(call: ast.Call) -> list[ast.AST]:
    nodes: list[ast.AST] = [*call.args, *call.keywords]
    return sorted(nodes, key=lambda n: (n.lineno, n.col_offset))  # type: ignore[attr-defined]


def add_keyword(source: SourceText, call: ast.Call, text: str) -> Edit:
    """Append `text` (``name=value``) as the call's last argument."""
    arguments = _arguments(call)
    if arguments:
        end = source.span_of(arguments[-1])
        return Edit(Span(end.end_line, end.end_col, end.end_line, end.end_col), f", {text}")
    whole = source.span_of(call)
    # With no arguments the call ends in `(...)`: insert just before the closing bracket.
    return Edit(Span(whole.end_line, whole.end_col - 1, whole.end_line, whole.end_col - 1), text)


def remove_keyword(source: SourceText, call: ast.Call, node: ast.keyword) -> Edit:
    """Drop one keyword argument together with the comma that separates it."""
    arguments = _arguments(call)
    index = next(i for i, n in enumerate(arguments) if n is node)
    own = source.span_of(node)
    if index + 1 < len(arguments):
        following = source.span_of(arguments[index + 1])
        return Edit(
            Span(own.start_line, own.start_col, following.start_line, following.start_col), ""
        )
    if index > 0:
        previous = source.span_of(arguments[index - 1])
        return Edit(Span(previous.end_line, previous.end_col, own.end_line, own.end_col), "")
    whole = source.span_of(call)
    return Edit(Span(own.start_line, own.start_col, whole.end_line, whole.end_col - 1), "")


def string_value(node: ast.AST | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None
