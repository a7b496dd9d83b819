"""Text an editor really sends: half-typed, mangled, huge, deeply nested, oddly encoded.

The analysis must return (never raise), keep every range inside the document, and still find
what it can find. These call the library directly; tests/server/test_hostile_*.py drive the
same inputs through the server.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from flask_lsp.analysis.source import SourceText
from flask_lsp.engine.checker import Project, check_text
from flask_lsp.server.positions import Encoder

from .hostile import RULE_FIXTURES, assert_sane, fixture_id, mutate

IMPORT_TIME_REQUEST = "from flask import request\nargs = request.args\n"

# -- half-typed code ---------------------------------------------------------------------------


@pytest.mark.parametrize("fixture", RULE_FIXTURES, ids=fixture_id)
def test_every_prefix_of_every_fixture(fixture: Path) -> None:
    """What the file looks like while it is being typed: every line prefix, and a sample of
    character prefixes (cut mid-token, mid-string, mid-bracket)."""
    text = fixture.read_text(encoding="utf-8")
    lines = text.splitlines(keepends=True)
    cuts = {sum(len(line) for line in lines[:count]) for count in range(len(lines) + 1)}
    rng = random.Random(fixture.name)
    cuts |= set(rng.sample(range(len(text) + 1), min(len(text) + 1, 120)))
    for cut in sorted(cuts):
        prefix = text[:cut]
        assert_sane(prefix, check_text(prefix, str(fixture)))


@pytest.mark.parametrize("fixture", RULE_FIXTURES, ids=fixture_id)
def test_random_mutations_of_every_fixture(fixture: Path) -> None:
    text = fixture.read_text(encoding="utf-8")
    rng = random.Random(f"mutate:{fixture.name}")
    for _ in range(40):
        mutated = mutate(text, rng, steps=rng.randrange(1, 6))
        assert_sane(mutated, check_text(mutated, str(fixture)))


# -- line endings, encodings, odd characters ----------------------------------------------------

ODD_TEXTS = {
    "bom": "\ufeff" + IMPORT_TIME_REQUEST,
    "crlf": IMPORT_TIME_REQUEST.replace("\n", "\r\n"),
    "lone-cr": IMPORT_TIME_REQUEST.replace("\n", "\r"),
    "mixed-endings": "from flask import request\r\nx = 1\rargs = request.args\n",
    "tabs": "from flask import request\nif True:\n\targs = request.args\n",
    "tabs-and-spaces": "from flask import request\nif True:\n\t  \targs = request.args\n",
    "nul-bytes": "from flask import request\x00\nargs = request.args  # \x00\x00\n",
    "form-feed": "from flask import request\n\x0c\nargs = request.args\n",
    "line-separator-in-string": "from flask import request\ns = '\u2028'\nargs = request.args\n",
    "no-final-newline": IMPORT_TIME_REQUEST.rstrip("\n"),
}


@pytest.mark.parametrize("text", ODD_TEXTS.values(), ids=ODD_TEXTS.keys())
def test_odd_characters_and_line_endings_still_find_the_request(text: str) -> None:
    findings = check_text(text)
    assert_sane(text, findings)
    (finding,) = findings
    assert finding.code == "FL101"
    line = SourceText(text).line(finding.span.start_line)
    assert line[finding.span.start_col : finding.span.end_col] == "request"


@pytest.mark.parametrize(
    "before",
    ["😀", "\U0001d518\U0001d52b", "é", "中文", "👩\u200d👩\u200d👧", "\U0010ffff", "\ud800"],
    ids=["emoji", "math-letters", "latin", "cjk", "zwj-sequence", "last-code-point", "surrogate"],
)
def test_wide_characters_before_a_finding_keep_columns_right(before: str) -> None:
    """Columns are code points in the library and UTF-16 units on the wire (LSP's default)."""
    text = f"from flask import request\nlabel = '{before}'; args = request.args\n"
    (finding,) = check_text(text)
    line = text.split("\n")[1]
    assert finding.span.start_col == line.index("request")
    source = SourceText(text)
    start = Encoder("utf-16").to_client(source, 1, finding.span.start_col)
    expected = len(line[: line.index("request")].encode("utf-16-le", "surrogatepass")) // 2
    assert start.character == expected
    utf8 = Encoder("utf-8").to_client(source, 1, finding.span.start_col)
    assert utf8.character == len(line[: line.index("request")].encode("utf-8", "surrogatepass"))


# -- size and depth -----------------------------------------------------------------------------


def test_one_megabyte_single_line() -> None:
    """A minified/generated line: 1 MB of non-ASCII data, then a finding on the same line."""
    data = "é€😀" * (1_000_000 // 9)
    text = f"from flask import request\nBLOB = '{data}'; args = request.args\n"
    assert len(text.encode("utf-8")) > 1_000_000
    (finding,) = check_text(text)
    line = text.split("\n")[1]
    assert finding.span.start_col == line.index("request.args")


def test_fifty_thousand_lines() -> None:
    body = "".join(f"    {n},\n" for n in range(50_000))
    text = f"from flask import request\nDATA = [\n{body}]\nargs = request.args\n"
    assert text.count("\n") > 50_000
    (finding,) = check_text(text)
    assert finding.span.start_line == 50_003


@pytest.mark.parametrize(
    "nesting",
    [
        "x = " + "[" * 10_000 + "]" * 10_000,
        "x = " + "[" * 10_000,
        "x = " + "(" * 10_000 + "1",
        "x = " + "{'a': " * 5_000 + "1" + "}" * 5_000,
        "x = " + " + ".join(["1"] * 20_000),
        "x = " + "-" * 20_000 + "1",
        "x = " + "not " * 20_000 + "y",
        "x = y" + ".a" * 20_000,
        "x = f" + "()" * 20_000,
        "x = " + "lambda: " * 3_000 + "1",
        "x = " + "f'{" * 200 + "1" + "}'" * 200,
    ],
    ids=[
        "10k-brackets",
        "10k-unclosed",
        "10k-parens",
        "5k-dicts",
        "20k-additions",
        "20k-unary",
        "20k-not",
        "20k-attributes",
        "20k-calls",
        "3k-lambdas",
        "200-fstrings",
    ],
)
def test_deep_nesting_costs_at_most_its_own_statement(nesting: str) -> None:
    """The parser or our visitors may give up on the monster; the finding below survives."""
    text = f"from flask import request\n{nesting}\nargs = request.args\n"
    findings = check_text(text)
    assert_sane(text, findings)
    assert [(f.code, f.span.start_line) for f in findings] == [("FL101", 2)]


def test_a_thousand_nested_functions() -> None:
    """Python's parser stops at 100 indentation levels; the file must still come back."""
    defs = "".join(" " * depth + f"def f{depth}():\n" for depth in range(1_000))
    text = f"from flask import request\n{defs}{' ' * 1_000}return request.args\n"
    assert_sane(text, check_text(text))


def test_ninety_nested_functions_are_analysed() -> None:
    """Just under the parser's limit: analysed, and the innermost helper is judged."""
    defs = "".join("    " * depth + f"def f{depth}():\n" for depth in range(90))
    text = f"from flask import request\n{defs}{'    ' * 90}return request.args\n"
    assert_sane(text, check_text(text))


# -- files on disk --------------------------------------------------------------------------------

ON_DISK: dict[str, bytes] = {
    "latin1.py": b"# caf\xe9\nfrom flask import request\nargs = request.args\n",
    "bad_cookie.py": b"# -*- coding: klingon -*-\nfrom flask import request\nargs = request.args\n",
    "utf16.py": "from flask import request\nargs = request.args\n".encode("utf-16"),
    "binary.py": bytes(random.Random(0).randrange(256) for _ in range(4096)),
    "nul_bytes.py": b"from flask import request\x00\nargs = request.args\n",
    "bom.py": b"\xef\xbb\xbffrom flask import request\nargs = request.args\n",
    "empty.py": b"",
}


def test_undecodable_and_binary_files_in_the_workspace(tmp_path: Path) -> None:
    for name, data in ON_DISK.items():
        (tmp_path / name).write_bytes(data)
    project = Project()
    indexed = project.index_paths([tmp_path])
    assert sorted(Path(p).name for p in indexed) == sorted(ON_DISK)
    found = {Path(p).name: [f.code for f in project.findings(p)] for p in indexed}
    for path in indexed:
        assert_sane(project.parsed(path).source.text, project.findings(path))  # type: ignore[union-attr]
    # A stray Latin-1 byte, a NUL, a BOM: still analysed.
    assert found["latin1.py"] == ["FL101"]
    assert found["nul_bytes.py"] == ["FL101"]
    assert found["bom.py"] == ["FL101"]
    assert found["empty.py"] == []


@pytest.mark.parametrize(
    "data",
    [
        *ON_DISK.values(),
        b"# -*- coding: latin-1 -*-\nname = 'caf\xe9'\n",
        b"#!/usr/bin/env python\n# vim: set fileencoding=cp1252 :\nx = '\x80'\n",
        b"\n\n# coding: latin-1\nx = '\xe9'\n",  # a third line's cookie counts for nothing
        b"x = 1\r\n# coding: latin-1\r\ny = '\xe9'\r\n",
        b"x = '\xe9'",  # one line, no line break
        b"\xef\xbb\xbf# coding: utf-8\nx = 1\n",
    ],
)
def test_decoding_is_what_tokenize_detects(data: bytes) -> None:
    """`decode_source` skips `tokenize.detect_encoding` when the first two lines hold no
    cookie: the same text either way."""
    import io
    import tokenize

    from flask_lsp.analysis.source import decode_source

    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    except SyntaxError:
        encoding = "utf-8"
    try:
        expected = data.decode(encoding, errors="replace")
    except LookupError:
        expected = data.decode("utf-8", errors="replace")
    assert decode_source(data) == expected.removeprefix("\ufeff")


def test_special_files_named_py_are_skipped_not_read(tmp_path: Path) -> None:
    """A FIFO or /dev/zero behind a `.py` name would block or fill memory if read."""
    import os

    os.mkfifo(tmp_path / "pipe.py")
    (tmp_path / "zero.py").symlink_to("/dev/zero")
    (tmp_path / "dangling.py").symlink_to(tmp_path / "missing.py")
    (tmp_path / "folder.py").mkdir()
    (tmp_path / "app.py").write_text(IMPORT_TIME_REQUEST)
    project = Project()
    indexed = project.index_paths([tmp_path])
    assert [Path(p).name for p in indexed] == ["app.py"]


def test_symlink_loops_in_the_workspace(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    (package / "sub").mkdir(parents=True)
    (package / "app.py").write_text(IMPORT_TIME_REQUEST)
    (package / "sub" / "up").symlink_to(package, target_is_directory=True)
    (package / "self").symlink_to(".", target_is_directory=True)
    (tmp_path / "a").symlink_to(tmp_path / "b")
    (tmp_path / "b").symlink_to(tmp_path / "a")
    project = Project()
    indexed = project.index_paths([tmp_path])
    assert [Path(p).name for p in indexed] == ["app.py"]


def test_symlinks_out_of_the_workspace_are_not_followed(tmp_path: Path) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.py").write_text(IMPORT_TIME_REQUEST)
    workspace = tmp_path / "workspace"
    workspace.mkdir()
    (workspace / "app.py").write_text(IMPORT_TIME_REQUEST)
    (workspace / "linked").symlink_to(outside, target_is_directory=True)
    (workspace / "linked_file.py").symlink_to(outside / "secret.py")
    project = Project()
    assert [Path(p).name for p in project.index_paths([workspace])] == ["app.py"]


def test_open_file_deleted_renamed_or_unreadable_on_disk(tmp_path: Path) -> None:
    path = tmp_path / "app.py"
    path.write_text(IMPORT_TIME_REQUEST)
    project = Project()
    project.index_paths([tmp_path])
    project.set_text(str(path), IMPORT_TIME_REQUEST, pinned=True)
    path.unlink()  # deleted while open: the editor's text still counts
    assert [f.code for f in project.findings(str(path))] == ["FL101"]
    project.close(str(path))  # closed after deletion: forgotten
    assert str(path) not in project.workspace.modules
    assert project.findings(str(path)) == []

    renamed = tmp_path / "renamed.py"
    renamed.write_text(IMPORT_TIME_REQUEST)
    project.set_text(str(renamed), IMPORT_TIME_REQUEST, pinned=True)
    renamed.rename(tmp_path / "moved.py")
    project.remove(str(renamed))
    assert project.load_file(tmp_path / "moved.py")
    assert [f.code for f in project.findings(str(tmp_path / "moved.py"))] == ["FL101"]

    unreadable = tmp_path / "unreadable.py"
    unreadable.mkdir()  # reading it fails with an OSError, even as root
    assert not project.load_file(unreadable)
    assert project.findings(str(unreadable)) == []
