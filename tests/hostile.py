"""What every analysis must guarantee, whatever text it is fed: shared by the hostile-input
tests, the hypothesis properties, scripts/fuzz_atheris.py and scripts/soak.py."""

from __future__ import annotations

import ast
import random
from collections.abc import Iterator
from pathlib import Path

from flask_lsp.analysis.findings import Finding, Span
from flask_lsp.analysis.source import SourceText

TESTS = Path(__file__).parent
RULE_FIXTURES = sorted((TESTS / "rules").rglob("*.py"))


def fixture_id(path: Path) -> str:
    return path.relative_to(TESTS / "rules").as_posix()


def span_inside(source: SourceText, span: Span) -> bool:
    """`span` is ordered and every end of it is a real position of the document."""
    lines = source.lines
    if not (0 <= span.start_line <= span.end_line < len(lines)):
        return False
    if (span.start_line, span.start_col) > (span.end_line, span.end_col):
        return False
    return 0 <= span.start_col <= len(lines[span.start_line]) and 0 <= span.end_col <= len(
        lines[span.end_line]
    )


def assert_sane(text: str, findings: list[Finding]) -> None:
    """Every range lies inside the document, and no two findings say the same thing."""
    source = SourceText(text)
    seen: set[tuple[str, Span, str]] = set()
    for finding in findings:
        assert span_inside(source, finding.span), f"{finding.code} {finding.span} outside"
        if finding.fix is not None:
            for edit in finding.fix.edits:
                if edit.path is None or edit.path == finding.path:
                    assert span_inside(source, edit.span), f"fix edit {edit.span} outside"
        key = (finding.code, finding.span, finding.message)
        assert key not in seen, f"duplicate finding {key}"
        seen.add(key)


def parses(text: str) -> bool:
    try:
        ast.parse(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False
    return True


def apply_fix(text: str, finding: Finding) -> str:
    """The text after the finding's quick fix; edits in the finding's own file only."""
    assert finding.fix is not None
    source = SourceText(text)
    offsets = [0]
    for line, match in zip(source.lines, _line_breaks(text), strict=False):
        offsets.append(offsets[-1] + len(line) + len(match))
    edits = [e for e in finding.fix.edits if e.path is None or e.path == finding.path]
    for edit in sorted(edits, key=lambda e: (e.span.start_line, e.span.start_col), reverse=True):
        start = offsets[edit.span.start_line] + edit.span.start_col
        end = offsets[edit.span.end_line] + edit.span.end_col
        text = text[:start] + edit.new_text + text[end:]
    return text


def _line_breaks(text: str) -> Iterator[str]:
    import re

    yield from (m.group(0) for m in re.finditer(r"\r\n|\r|\n", text))
    yield ""


def mutate(text: str, rng: random.Random, steps: int = 3) -> str:
    """Insert, delete, duplicate or swap characters and lines: what a careless edit does."""
    alphabet = "()[]{}:;,.=+-*/'\"#\\\n\t @abcrequest_0"
    for _ in range(steps):
        lines = text.split("\n")
        kind = rng.randrange(6)
        position = rng.randrange(len(text) + 1)
        if kind == 0:
            text = text[:position] + rng.choice(alphabet) + text[position:]
        elif kind == 1:
            text = text[:position] + text[position + rng.randrange(1, 8) :]
        elif kind == 2 and len(text) > 1:
            a, b = sorted(rng.sample(range(len(text)), 2))
            text = text[:a] + text[b] + text[a + 1 : b] + text[a] + text[b + 1 :]
        elif kind == 3 and len(lines) > 1:
            a, b = rng.sample(range(len(lines)), 2)
            lines[a], lines[b] = lines[b], lines[a]
            text = "\n".join(lines)
        elif kind == 4:
            index = rng.randrange(len(lines))
            del lines[index]
            text = "\n".join(lines)
        else:
            index = rng.randrange(len(lines))
            lines.insert(index, lines[rng.randrange(len(lines))])
            text = "\n".join(lines)
    return text


def top_level_chunks() -> list[str]:
    """Every top-level statement of every fixture (with its decorators): building blocks for
    generated programs that parse and exercise every rule."""
    chunks: list[str] = []
    for path in RULE_FIXTURES:
        text = path.read_text(encoding="utf-8")
        try:
            tree = ast.parse(text)
        except SyntaxError:
            continue
        lines = text.splitlines()
        for node in tree.body:
            first = min([node.lineno, *(d.lineno for d in getattr(node, "decorator_list", []))])
            end = node.end_lineno or node.lineno
            chunks.append("\n".join(lines[first - 1 : end]))
    return chunks
