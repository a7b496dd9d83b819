"""Building blocks for quick fixes. Every edit keeps the file valid Python."""

from __future__ import annotations

import ast

from .findings import Edit, Span
from .source import SourceText

INDENT = "    "


def replace(span: Span, new_text: str) -> Edit:
    return Edit(span, new_text)


def whole_lines(source: SourceText, first: int, last: int) -> Span:
    return Span(first, 0, last, len(source.line(last)))


def can_reindent(source: SourceText, span: Span) -> bool:
    """Indenting lines is only safe when no string literal spans them."""
    text = source.text_at(whole_lines(source, span.start_line, span.end_line))
    return '"""' not in text and "'''" not in text and "\\\n" not in text


def wrap_in_block(source: SourceText, span: Span, header: str) -> Edit | None:
    """Put the lines of `span` under `header:` (e.g. ``with app.app_context()``)."""
    if not can_reindent(source, span):
        return None
    indent = source.indent_of(span.start_line)
    newline = source.line_break()
    body = [
        (INDENT + line if line.strip() else line)
        for line in source.lines[span.start_line : span.end_line + 1]
    ]
    new_text = newline.join([f"{indent}{header}:", *body])
    return Edit(whole_lines(source, span.start_line, span.end_line), new_text)


def insert_line_before(source: SourceText, line: int, text: str) -> Edit:
    return Edit(Span(line, 0, line, 0), text + source.line_break())


def add_import(source: SourceText, tree: ast.Module, module: str, name: str) -> Edit | None:
    """`from module import name`, unless the module already has it; after the last top import."""
    last_import = None
    for statement in tree.body:
        if (
            isinstance(statement, ast.ImportFrom)
            and statement.module == module
            and statement.level == 0
            and any(alias.name == name and alias.asname is None for alias in statement.names)
        ):
            return None
        if isinstance(statement, ast.Import | ast.ImportFrom):
            last_import = statement
        elif not _is_docstring_or_future(statement):
            break
    line = (last_import.end_lineno or last_import.lineno) if last_import else _after_docstring(tree)
    return Edit(Span(line, 0, line, 0), f"from {module} import {name}{source.line_break()}")


def _is_docstring_or_future(statement: ast.stmt) -> bool:
    return isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant)


def _after_docstring(tree: ast.Module) -> int:
    if tree.body and _is_docstring_or_future(tree.body[0]):
        return tree.body[0].end_lineno or 1
    return 0


def find_block(tree: ast.AST, line: int) -> tuple[list[ast.stmt], int] | None:
    """The statement list holding the statement that starts on 0-based `line`, and its index."""
    stack: list[ast.AST] = [tree]
    while stack:
        node = stack.pop()
        for _, value in ast.iter_fields(node):
            if isinstance(value, list) and value and isinstance(value[0], ast.stmt):
                for index, statement in enumerate(value):
                    if statement.lineno - 1 == line:
                        return value, index
            if isinstance(value, list):
                stack.extend(v for v in value if isinstance(v, ast.AST))
            elif isinstance(value, ast.AST):
                stack.append(value)
    return None
