"""Source text: decoding, line tables, and parsing that survives half-typed code."""

from __future__ import annotations

import ast
import io
import re
import stat
import tokenize
import unicodedata
import warnings
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import accumulate
from pathlib import Path

from .findings import Span

# The line breaks that both `ast` and LSP count; str.splitlines() knows more (\x0c, \u2028...).
_LINE_BREAK = re.compile(r"\r\n|\r|\n")

# How many broken regions we cut out of a file before giving up on it.
_MAX_REPAIRS = 12

# Keywords that continue the statement above them instead of starting a new one.
_CONTINUATIONS = ("else", "elif", "except", "finally", "case")


_SURROGATE = re.compile("[\ud800-\udfff]")

# Files on disk larger than this are not read (generated data, not code anyone edits).
MAX_SOURCE_BYTES = 20_000_000

# Lines longer than this get a byte-offset table instead of per-column decoding.
_LONG_LINE = 2000


def _identifier_char(char: str) -> bool:
    return char.isalnum() or char == "_"


def _utf8_len(char: str) -> int:
    code = ord(char)
    return 1 if code < 0x80 else 2 if code < 0x800 else 3 if code < 0x10000 else 4


def read_source(path: Path) -> str:
    """Read a Python file the way CPython would decode it, never raising on bad bytes.

    The encoding comes from the BOM or a coding cookie (PEP 263); bytes that do not decode
    become U+FFFD, so a file with a stray Latin-1 byte is still analysed.
    """
    info = path.stat()
    # A FIFO would block the reader forever, /dev/zero would fill memory: regular files only.
    if not stat.S_ISREG(info.st_mode):
        raise OSError(f"{path}: not a regular file")
    if info.st_size > MAX_SOURCE_BYTES:
        raise OSError(f"{path}: over {MAX_SOURCE_BYTES // 1_000_000} MB, not analysed")
    data = path.read_bytes()
    return decode_source(data)


def decode_source(data: bytes) -> str:
    # A coding cookie can only be in the first two lines: without one, it is UTF-8 (with a BOM
    # or not), and `tokenize.detect_encoding` (slow, line by line) has nothing to find.
    second_line_end = data.find(b"\n", data.find(b"\n") + 1)
    if b"coding" not in (data if second_line_end == -1 else data[:second_line_end]):
        encoding = "utf-8"
    else:
        try:
            encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
        except SyntaxError:
            encoding = "utf-8"
    try:
        text = data.decode(encoding, errors="replace")
    except LookupError:
        text = data.decode("utf-8", errors="replace")
    return text.removeprefix("\ufeff")


@dataclass
class SourceText:
    """Text plus a line table; converts `ast`'s UTF-8 byte columns to code points."""

    text: str
    lines: list[str] = field(init=False)

    def __post_init__(self) -> None:
        text = self.text
        # (str.split is several times faster than the regular expression, and most files
        # have no carriage return.)
        self.lines = _LINE_BREAK.split(text) if "\r" in text else text.split("\n")
        self._char_ends: tuple[int, list[int]] | None = None

    def line(self, index: int) -> str:
        return self.lines[index] if 0 <= index < len(self.lines) else ""

    def char_col(self, line_index: int, byte_col: int) -> int:
        line = self.line(line_index)
        if line.isascii():
            return min(byte_col, len(line))
        # `ast` never sees a leading BOM (see parse_tolerant); the editor's line 0 does.
        bom = 1 if line_index == 0 and line.startswith("\ufeff") else 0
        if len(line) < _LONG_LINE:
            prefix = line[bom:].encode("utf-8", "surrogatepass")[:byte_col]
            try:
                return bom + len(prefix.decode("utf-8", "surrogatepass"))
            except UnicodeDecodeError:  # cut inside a character
                return bom + len(prefix.decode("utf-8", errors="ignore"))
        if self._char_ends is None or self._char_ends[0] != line_index:
            # A long line's byte offsets, once: a 1 MB one-line file asks for thousands of
            # columns, and decoding a prefix for each would be quadratic.
            ends = list(accumulate(_utf8_len(char) for char in line[bom:]))
            self._char_ends = (line_index, ends)
        return bom + bisect_right(self._char_ends[1], byte_col)

    def span_of(self, node: ast.AST) -> Span:
        """The node's span; `ast` lines are 1-based, its columns UTF-8 bytes."""
        start_line = getattr(node, "lineno", 1) - 1
        end_line = getattr(node, "end_lineno", None)
        end_line = start_line if end_line is None else end_line - 1
        start_col = self.char_col(start_line, getattr(node, "col_offset", 0))
        end_byte = getattr(node, "end_col_offset", None)
        end_col = (
            len(self.line(end_line)) if end_byte is None else self.char_col(end_line, end_byte)
        )
        return Span(start_line, start_col, end_line, end_col)

    def text_at(self, span: Span) -> str:
        if span.start_line == span.end_line:
            return self.line(span.start_line)[span.start_col : span.end_col]
        parts = [self.line(span.start_line)[span.start_col :]]
        parts += [self.line(i) for i in range(span.start_line + 1, span.end_line)]
        parts.append(self.line(span.end_line)[: span.end_col])
        return "\n".join(parts)

    def lines_mentioning(
        self, words: Iterable[str], whole_words: bool = False, ignore_case: bool = False
    ) -> list[int]:
        """The 0-based numbers of the lines that hold one of `words` (as identifiers only, with
        `whole_words`), ascending. Python reads identifiers in NFKC form (full-width `flask` is
        `flask`), and so does this. (`str.find` per word: a regular expression that
        alternates words is ten times slower.)"""
        text = self._searchable(ignore_case)
        wanted = {w.lower() for w in words} if ignore_case else set(words)
        if not whole_words:
            # A line with `engines` has `engine`: search the shortest words only.
            wanted = {w for w in wanted if not any(o in w and o != w for o in wanted)}
        hits = []
        for word in wanted:
            at = text.find(word)
            while at != -1:
                end = at + len(word)
                if not whole_words or (
                    not (at and _identifier_char(text[at - 1]))
                    and not (end < len(text) and _identifier_char(text[end]))
                ):
                    hits.append(at)
                    # The line is in: go on from the next one.
                    end = text.find("\n", end)
                    if end == -1:
                        break
                at = text.find(word, end)
        found: list[int] = []
        line = position = 0
        line_end = -1
        for at in sorted(hits):
            if at <= line_end:
                continue  # this line is in already
            line += text.count("\n", position, at)
            position = at
            found.append(line)
            line_end = text.find("\n", at)
            if line_end == -1:
                break
        return found

    def _searchable(self, lower: bool) -> str:
        """The text as `lines_mentioning` searches it: NFKC, one kind of line break."""
        key = "_lower_text" if lower else "_plain_text"
        cached: str | None = self.__dict__.get(key)
        if cached is None:
            text = self.text
            if not text.isascii():
                text = unicodedata.normalize("NFKC", text)  # (it makes no line breaks)
            if "\r" in text:
                text = _LINE_BREAK.sub("\n", text)
            cached = self.__dict__[key] = text.lower() if lower else text
        return cached

    def indent_of(self, line_index: int) -> str:
        line = self.line(line_index)
        return line[: len(line) - len(line.lstrip(" \t"))]

    def line_break(self) -> str:
        match = _LINE_BREAK.search(self.text)
        return match.group(0) if match else "\n"


class Mentions:
    """The lines of a text that mention something (`SourceText.lines_mentioning`), and which
    statements hold one of them."""

    def __init__(self, lines: list[int]) -> None:
        self.lines = lines

    def __bool__(self) -> bool:
        return bool(self.lines)

    def __or__(self, other: Mentions) -> Mentions:
        return Mentions(sorted({*self.lines, *other.lines}))

    def within(self, node: ast.stmt | ast.expr) -> bool:
        """Does one of the lines lie in `node` (a statement's decorators included)?"""
        lines = self.lines
        if not lines:
            return False
        first = node.lineno - 1
        decorators: list[ast.expr] | None = getattr(node, "decorator_list", None)
        if decorators:
            first = min(first, *(d.lineno - 1 for d in decorators))
        at = bisect_left(lines, first)
        return at < len(lines) and lines[at] < (node.end_lineno or 0)


@dataclass
class ParseResult:
    tree: ast.Module
    # 0-based, inclusive line ranges that did not parse and were blanked out.
    broken: list[tuple[int, int]]
    error: str | None = None


def parse_tolerant(
    source: SourceText, previous: tuple[SourceText, ParseResult] | None = None
) -> ParseResult:
    """Parse, cutting out the statements that do not parse so the rest can still be checked.

    Half-typed code is the normal state of a file in an editor: a finding two functions away
    from the cursor must not disappear because of a missing bracket here.

    With `previous` (the last version of the same file and its parse), an edit confined to one
    top-level statement re-parses that statement only (see `_reparse_one_statement`).
    """
    if previous is not None:
        reused = _reparse_one_statement(source, *previous)
        if reused is not None:
            return reused
    lines = list(source.lines)
    if lines and lines[0].startswith("\ufeff"):
        lines[0] = lines[0][1:]  # a BOM the editor kept: not part of the code
    if _SURROGATE.search(source.text):
        # A lone surrogate (JSON allows "\ud800") cannot be encoded for the parser; U+FFFD
        # has the same UTF-8 length, so the columns stay right.
        lines = [_SURROGATE.sub("\ufffd", line) for line in lines]
    broken: list[tuple[int, int]] = []
    first_error: str | None = None
    for _ in range(_MAX_REPAIRS):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # SyntaxWarning for odd escapes etc.
                tree = ast.parse("\n".join(lines).replace("\x00", " "))
            return ParseResult(tree, _merge(broken), first_error)
        except SyntaxError as error:
            first_error = first_error or _describe(error)
            region = _broken_region(lines, (error.lineno or 1) - 1, broken)
            if region is None:
                break
            start, end = region
            for index in range(start, end + 1):
                lines[index] = ""
            broken.append(region)
        except (RecursionError, MemoryError) as error:
            # No line number here: find the top-level statements too deep to parse, cut them out.
            first_error = first_error or f"too deeply nested to parse ({type(error).__name__})"
            regions = [r for r in _top_level_regions(lines) if _too_deep(lines, r)]
            if not regions:
                break
            for start, end in regions:
                for index in range(start, end + 1):
                    lines[index] = ""
            broken.extend(regions)
        except ValueError as error:
            first_error = first_error or f"cannot parse ({error})"
            break
    return ParseResult(
        ast.Module(body=[], type_ignores=[]), [(0, max(len(lines) - 1, 0))], first_error
    )


def _top_level_regions(lines: list[str]) -> list[tuple[int, int]]:
    starts = [i for i, line in enumerate(lines) if _starts_top_level(line)] or [0]
    ends = [start - 1 for start in starts[1:]] + [len(lines) - 1]
    return [(start, end) for start, end in zip(starts, ends, strict=True) if start <= end]


def _too_deep(lines: list[str], region: tuple[int, int]) -> bool:
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ast.parse("\n".join(lines[region[0] : region[1] + 1]).replace("\x00", " "))
    except (RecursionError, MemoryError):
        return True
    except (SyntaxError, ValueError):
        return False
    return False


def _reparse_one_statement(
    source: SourceText, old_source: SourceText, old: ParseResult
) -> ParseResult | None:
    """The tree of `source` from `old`'s, when the edit stayed inside one top-level statement.

    Typing changes characters within a line or two of one function. When no line was added
    or removed, the old parse was clean and every changed line lies inside one top-level
    statement that shares no line with another, that statement's lines are parsed alone
    (after blank lines, so positions match) and the other statements' nodes are reused: the
    same tree as a full parse, at the cost of one statement. A statement can only parse alone
    if it is complete, so an edit that would join it to its neighbours (an indented first
    line, a continuation) falls back to parsing the whole file, as does anything else unusual.
    Nodes are shared with `old`'s tree, never modified.

    Half-typed code (`x =`, `request.`, `get("`) is repaired inside the statement, as the full
    parse repairs it: each broken line of its body is cut out. Only the statement is repaired:
    where a full parse would read an unclosed bracket on into the next statements and cut
    lines there, this keeps them whole (and where cutting a line leaves the statement
    incomplete, the whole file is parsed again).
    """
    if not old.tree.body:
        return None
    new_lines, old_lines = source.lines, old_source.lines
    count = len(new_lines)
    if count != len(old_lines) or "barry_as_FLUFL" in source.text:
        return None  # (that future import changes how later lines parse)
    first = 0
    while first < count and new_lines[first] == old_lines[first]:
        first += 1
    if first == count:
        return None
    last = count - 1
    while last > first and new_lines[last] == old_lines[last]:
        last -= 1
    body = old.tree.body
    found = _statement_around(body, first, last)
    if found is None:
        return None
    index, start, end = found
    if index > 0 and (body[index - 1].end_lineno or 0) - 1 >= start:
        return None  # `a = 1; b = 2`: two statements on one line
    if index + 1 < len(body) and first_line(body[index + 1]) <= end:
        return None
    if any(
        not (start < broken_start and broken_end <= end) for broken_start, broken_end in old.broken
    ):
        return None  # the old parse cut lines elsewhere: parse it all again
    parsed = _parse_alone([""] * start + list(new_lines[start : end + 1]), start, end)
    if parsed is None or not parsed.tree.body:
        return None
    statements = [*body[:index], *parsed.tree.body, *body[index + 1 :]]
    return ParseResult(ast.Module(body=statements, type_ignores=[]), parsed.broken, parsed.error)


def _parse_alone(lines: list[str], start: int, end: int) -> ParseResult | None:
    """Lines `start..end` (the others blank) parsed, broken lines after the first cut out."""
    broken: list[tuple[int, int]] = []
    first_error: str | None = None
    for _ in range(_MAX_REPAIRS):
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                tree = ast.parse("\n".join(lines).replace("\x00", " "))
            return ParseResult(tree, _merge(broken), first_error)
        except SyntaxError as error:
            first_error = first_error or _describe(error)
            line = (error.lineno or 1) - 1
            if not start < line <= end or not lines[line].strip():
                return None
            lines[line] = ""  # as `parse_tolerant` cuts a broken line
            broken.append((line, line))
        except (RecursionError, MemoryError, ValueError):
            return None
    return None


def _statement_around(body: list[ast.stmt], first: int, last: int) -> tuple[int, int, int] | None:
    """(index, first line, last line) of the statement holding lines first..last, if one does."""
    for index, statement in enumerate(body):
        start = first_line(statement)
        end = (statement.end_lineno or statement.lineno) - 1
        if start <= first and last <= end:
            return index, start, end
        if start > first:
            return None
    return None


def first_line(statement: ast.stmt) -> int:
    """0-based first line of a top-level statement, decorators included."""
    decorators: list[ast.expr] = getattr(statement, "decorator_list", None) or []
    return min([statement.lineno, *(d.lineno for d in decorators)]) - 1


def _describe(error: SyntaxError) -> str:
    return f"line {error.lineno}: {error.msg}"


def _broken_region(
    lines: list[str], error_line: int, already: list[tuple[int, int]]
) -> tuple[int, int] | None:
    """The lines to blank for a syntax error: first the line alone, then its top-level statement."""
    error_line = min(max(error_line, 0), len(lines) - 1)
    single = (error_line, error_line)
    if single not in already and lines[error_line].strip():
        # Cheapest repair: keep the block structure, replace the broken line by `pass`.
        return single if _replace_with_pass(lines, error_line) else None
    start = error_line
    while start > 0 and not _starts_top_level(lines[start]):
        start -= 1
    while start > 0 and lines[start - 1].startswith("@"):
        start -= 1
    end = error_line
    while end + 1 < len(lines) and not _starts_top_level(lines[end + 1]):
        end += 1
    region = (start, end)
    if region in already or all(not line.strip() for line in lines[start : end + 1]):
        return None
    return region


def _replace_with_pass(lines: list[str], index: int) -> bool:
    line = lines[index]
    indent = line[: len(line) - len(line.lstrip(" \t"))]
    lines[index] = f"{indent}pass"
    return True


def _starts_top_level(line: str) -> bool:
    if not line or line[0] in " \t#)]}":
        return False
    word = re.match(r"[A-Za-z_]+", line)
    return not (word and word.group(0) in _CONTINUATIONS)


def _merge(regions: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(regions):
        if merged and start <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged
