"""After an edit inside one top-level statement, only that statement is parsed again.

The shortcut must be invisible for code that parses: the tree (with every position) is exactly
that of parsing the whole new text. Half-typed code is repaired inside its statement (each
broken line is cut out, as the full parse does first); where the full parse reads an
unclosed bracket on into the next statements and cuts lines there, the shortcut keeps them
whole: its tree is then the parse of the text with only its own broken lines repaired.
"""

from __future__ import annotations

import ast
import warnings

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flask_lsp.analysis.source import ParseResult, SourceText, parse_tolerant

SOURCE = '''\
"""A module with most top-level shapes."""
import os
from flask import Flask, request

app = Flask(__name__)
a = 1; b = 2


@app.route("/items/<int:item_id>", methods=["GET", "POST"])
def item(item_id: int) -> str:
    """Docstring
    over lines."""
    query = request.args.get("q", "")  # a comment
    if request.method == "POST":
        return f"saved {query}"
    return "x" * item_id

# a comment between statements

class Config:
    DEBUG = False
    SECRET = os.environ.get("S", "")

if __name__ == "__main__":
    app.run()
else:
    value = (1,
             2)
'''

ALPHABET = ["x", " ", "(", ")", "[", '"', "'", "#", ":", "\\", "@", "\t", "\n", ";", "=", ","]


def full(text: str) -> ParseResult:
    return parse_tolerant(SourceText(text))


def incremental(old: str, new: str) -> ParseResult:
    before = SourceText(old)
    return parse_tolerant(SourceText(new), (before, parse_tolerant(before)))


def same(a: ParseResult, b: ParseResult) -> bool:
    dump = ast.dump(a.tree, include_attributes=True) == ast.dump(b.tree, include_attributes=True)
    return dump and a.broken == b.broken and a.error == b.error


def repaired_alone(text: str, parsed: ParseResult) -> bool:
    """Is `parsed` the tree of `text` with its broken lines, all in one top-level statement,
    cut out?"""
    if not parsed.broken:
        return False
    lines = text.split("\n")
    for start, end in parsed.broken:
        for index in range(start, end + 1):
            lines[index] = ""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # SyntaxWarning / DeprecationWarning for odd escapes
        tree = ast.parse("\n".join(lines))
    first, last = parsed.broken[0][0], parsed.broken[-1][1]
    starts = [
        min([s.lineno, *(d.lineno for d in getattr(s, "decorator_list", []))]) - 1
        for s in tree.body
    ]
    owner = [start for start in starts if start < first]
    following = [start for start in starts if start > first]
    one_statement = bool(owner) and (not following or following[0] > last)
    dump = ast.dump(tree, include_attributes=True)
    return one_statement and dump == ast.dump(parsed.tree, include_attributes=True)


def reparsed(needle: str, replacement: str) -> tuple[str, ParseResult, ParseResult]:
    """SOURCE with one replacement: the new text, the old parse, the new one from the old."""
    new = SOURCE.replace(needle, replacement)
    before = SourceText(SOURCE)
    old = parse_tolerant(before)
    return new, old, parse_tolerant(SourceText(new), (before, old))


def edit(text: str, offset: int, delete: int, insert: str) -> str:
    offset = min(offset, len(text))
    return text[:offset] + insert + text[offset + delete :]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(
        st.tuples(
            st.integers(0, len(SOURCE)),
            st.integers(0, 3),
            st.text(alphabet=st.sampled_from(ALPHABET), max_size=3),
        ),
        min_size=1,
        max_size=4,
    )
)
def test_any_edit_sequence_parses_as_the_whole_text_would(
    edits: list[tuple[int, int, str]],
) -> None:
    text = SOURCE
    previous = SourceText(text)
    parsed = parse_tolerant(previous)
    for offset, delete, insert in edits:
        text = edit(text, offset, delete, insert)
        current = SourceText(text)
        parsed = parse_tolerant(current, (previous, parsed))
        whole = full(text)
        assert same(parsed, whole) or (whole.broken and repaired_alone(text, parsed)), (
            offset,
            delete,
            insert,
        )
        previous = current


@pytest.mark.parametrize(
    ("needle", "replacement"),
    [
        ('"q", ""', '"q", "typed"'),  # inside a string in a decorated function
        ("DEBUG = False", "DEBUG = True"),  # in a class body
        ("app.run()", "app.run(port=1)"),  # in an if/else statement
    ],
)
def test_an_edit_inside_one_statement_reuses_the_others(needle: str, replacement: str) -> None:
    new, old, result = reparsed(needle, replacement)
    assert same(result, full(new))
    reused = [a is b for a, b in zip(old.tree.body, result.tree.body, strict=True)]
    assert reused.count(False) == 1, "only the edited statement is new"


@pytest.mark.parametrize(
    ("needle", "replacement", "why"),
    [
        ("a = 1; b = 2", "a = 1; b = 3", "two statements share the line"),
        ("# a comment between", "x = 1 # between", "the edit is between statements"),
        ("class Config:", " class Config:", "an indented first line joins the statement above"),
    ],
)
def test_edits_that_cannot_be_confined_parse_the_whole_text(
    needle: str, replacement: str, why: str
) -> None:
    new, old, result = reparsed(needle, replacement)
    assert same(result, full(new)), why
    assert not any(a is b for a, b in zip(old.tree.body, result.tree.body, strict=False)), why


@pytest.mark.parametrize(
    ("needle", "replacement", "broken_line"),
    [
        ('    return "x" * item_id', '    return "x" * (item_id', 15),  # spills in a full parse
        ('    query = request.args.get("q", "")', "    query = request.", 12),
        ('    query = request.args.get("q", "")', "    query =", 12),
    ],
)
def test_half_typed_code_is_repaired_inside_its_statement(
    needle: str, replacement: str, broken_line: int
) -> None:
    new, old, result = reparsed(needle, replacement)
    assert result.broken == [(broken_line, broken_line)] and result.error is not None
    assert repaired_alone(new, result)
    reused = [a is b for a, b in zip(old.tree.body, result.tree.body, strict=True)]
    assert reused.count(False) == 1, "the other statements are kept whole"
