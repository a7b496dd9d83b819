"""Code-point columns (the analysis) to and from the client's position encoding."""

from __future__ import annotations

from lsprotocol import types

from flask_lsp.analysis.findings import Span
from flask_lsp.analysis.source import SourceText


class Encoder:
    def __init__(self, encoding: str | types.PositionEncodingKind | None) -> None:
        value = encoding.value if isinstance(encoding, types.PositionEncodingKind) else encoding
        self.encoding = value or "utf-16"

    def _units(self, text: str) -> int:
        if self.encoding == "utf-32" or text.isascii():
            return len(text)
        if self.encoding == "utf-8":
            return len(text.encode("utf-8", "surrogatepass"))
        return len(text.encode("utf-16-le", "surrogatepass")) // 2

    def to_client(self, source: SourceText, line: int, col: int) -> types.Position:
        line = max(0, min(line, len(source.lines) - 1))
        text = source.line(line)
        return types.Position(line=line, character=self._units(text[: max(0, col)]))

    def range(self, source: SourceText, span: Span) -> types.Range:
        return types.Range(
            start=self.to_client(source, span.start_line, span.start_col),
            end=self.to_client(source, span.end_line, span.end_col),
        )

    def from_client(self, source: SourceText, position: types.Position) -> tuple[int, int]:
        """(line, code-point column), clamped into the document."""
        line = max(0, min(position.line, len(source.lines) - 1))
        text = source.line(line)
        if self.encoding == "utf-32" or text.isascii():
            return line, min(position.character, len(text))
        units = 0
        for index, char in enumerate(text):
            if units >= position.character:
                return line, index
            units += self._units(char)
        return line, len(text)
