"""What a rule is, and what it is handed: the module being checked and the workspace."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from flask_lsp.analysis import contexts as cx
from flask_lsp.analysis.findings import Finding, Fix, Related, Severity, Span
from flask_lsp.analysis.module import ParsedModule
from flask_lsp.analysis.workspace import Workspace

DEFAULT_GROUP = "default"
# Rules that judge style or policy, where Flask's own documentation does the thing on purpose:
# off unless selected by code, by `select = ["opinion"]` or by `select = ["ALL"]`.
OPINION_GROUP = "opinion"


@dataclass(frozen=True)
class Rule:
    code: str  # FL101
    name: str  # request-outside-request-context
    title: str  # one line, for tables and hover headers
    severity: Severity
    explanation: str  # Markdown: why it fails at run time, what Flask says, how to fix
    check: Callable[[RuleContext], Iterable[Finding]]
    fixable: bool = False
    docs: tuple[str, ...] = field(default=())  # links to Flask's documentation
    group: str = DEFAULT_GROUP  # DEFAULT_GROUP or OPINION_GROUP

    @property
    def opt_in(self) -> bool:
        return self.group == OPINION_GROUP

    @property
    def summary(self) -> str:
        return self.explanation.strip().split("\n\n")[0].replace("\n", " ")


@dataclass
class RuleContext:
    """The module under check, the workspace around it, and the rule asking."""

    module: ParsedModule
    workspace: Workspace
    rule: Rule

    @property
    def path(self) -> str:
        return self.module.path

    def canonical(self, raw: str) -> str | None:
        return self.workspace.canonical(raw, self.module.path)

    def proxy_kind(self, raw: str) -> str | None:
        """ "request", "app" or "url_for" if `raw` is one of Flask's context-bound names."""
        return cx.PROXIES.get(self.canonical(raw) or "")

    def finding(
        self,
        span: Span,
        message: str,
        fix: Fix | None = None,
        related: Iterable[Related] = (),
        severity: Severity | None = None,
    ) -> Finding:
        return Finding(
            code=self.rule.code,
            message=message,
            span=span,
            severity=severity or self.rule.severity,
            path=self.module.path,
            fix=fix,
            related=tuple(related),
        )
