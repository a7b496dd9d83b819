"""Plain data that the analysis hands to its front ends.

Positions are 0-based lines and 0-based columns counted in code points (Python ``str``
indices). Front ends convert: the CLI to 1-based columns, the server to the client's
negotiated encoding (UTF-16 by default).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum

from .pickling import by_fields


class Severity(IntEnum):
    """Same numbering as LSP's DiagnosticSeverity."""

    ERROR = 1
    WARNING = 2
    INFORMATION = 3
    HINT = 4

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, text: str) -> Severity:
        """Parse ``error``/``warning``/``information``/``info``/``hint`` (any case)."""
        value = text.strip().lower()
        if value == "info":
            value = "information"
        for member in cls:
            if member.label == value:
                return member
        raise ValueError(f"unknown severity {text!r}: use one of error, warning, information, hint")


@by_fields
@dataclass(frozen=True, order=True)
class Span:
    start_line: int
    start_col: int
    end_line: int
    end_col: int

    def contains(self, line: int, col: int) -> bool:
        if (line, col) < (self.start_line, self.start_col):
            return False
        return (line, col) <= (self.end_line, self.end_col)

    @classmethod
    def point(cls, line: int, col: int) -> Span:
        return cls(line, col, line, col)


@dataclass(frozen=True)
class Edit:
    """Replace ``span`` by ``new_text``; ``path`` None means the finding's own file."""

    span: Span
    new_text: str
    path: str | None = None


@dataclass(frozen=True)
class Fix:
    title: str
    edits: tuple[Edit, ...]


@dataclass(frozen=True)
class Related:
    """A place that explains a finding (the helper a call leads to, the other endpoint...)."""

    path: str
    span: Span
    message: str


@dataclass(frozen=True)
class Finding:
    code: str
    message: str
    span: Span
    severity: Severity
    path: str = ""
    fix: Fix | None = None
    related: tuple[Related, ...] = field(default=())

    @property
    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.span.start_line, self.span.start_col, self.code)
