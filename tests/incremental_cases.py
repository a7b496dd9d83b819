"""Edits inside one top-level function, for comparing incremental and full analyses."""

from __future__ import annotations

import ast
import keyword
import re
from collections.abc import Iterator

_WORD = re.compile(r"[A-Za-z_]\w*")
_KEYWORDS = frozenset(keyword.kwlist) | {"match", "case"}


def function_edits(text: str) -> Iterator[tuple[str, str]]:
    """(description, new text) for edits that keep the line count and stay inside the body of
    one top-level function: a string changed, a name changed, a line emptied, a half-typed
    line (which does not parse), a request read and a helper call added."""
    try:
        tree = ast.parse(text)
    except SyntaxError:
        return
    lines = text.split("\n")
    for statement in tree.body:
        if not isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef):
            continue
        first = statement.body[0].lineno - 1
        last = (statement.end_lineno or statement.lineno) - 1
        if first <= statement.lineno - 1:
            continue  # `def f(): return 1` on one line
        name = statement.name
        for index in range(first, last + 1):
            line = lines[index]
            quote = min((i for i in (line.find('"'), line.find("'")) if i >= 0), default=-1)
            if quote >= 0:
                yield (
                    f"{name}: string on line {index + 1}",
                    _with(lines, index, line[: quote + 1] + "x" + line[quote + 1 :]),
                )
                break
        for index in range(first, last + 1):
            match = _WORD.search(lines[index].lstrip())
            if match and match.group() not in _KEYWORDS:
                line = lines[index]
                at = len(line) - len(line.lstrip()) + match.end()
                yield (
                    f"{name}: name on line {index + 1}",
                    _with(lines, index, line[:at] + "_x" + line[at:]),
                )
                break
        indent = lines[last][: len(lines[last]) - len(lines[last].lstrip())]
        if lines[last].strip():
            yield f"{name}: last line emptied", _with(lines, last, "")
            yield f"{name}: half-typed last line", _with(lines, last, f"{indent}request.")
            yield (
                f"{name}: request read on the last line",
                _with(lines, last, f"{indent}request.args.get('q'); helper(); url_for('x')"),
            )


def _with(lines: list[str], index: int, new: str) -> str:
    copy = list(lines)
    copy[index] = new
    return "\n".join(copy)
