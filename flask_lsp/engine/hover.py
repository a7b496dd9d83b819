"""Hover text, as Markdown: a finding's explanation, or what a Flask proxy needs right here."""

from __future__ import annotations

from flask_lsp.analysis import contexts as cx
from flask_lsp.analysis.findings import Finding
from flask_lsp.analysis.module import ParsedModule
from flask_lsp.analysis.route_features import route_hover
from flask_lsp.analysis.workspace import Workspace

_NEEDS = {
    "request": "a **request context**",
    "app": "an **application context**",
    "url_for": "an **application context**, and a request or `SERVER_NAME`",
}


def hover_markdown(
    parsed: ParsedModule, workspace: Workspace, findings: list[Finding], line: int, col: int
) -> str | None:
    here = [f for f in findings if f.span.contains(line, col)]
    parts = [_finding_markdown(f) for f in here]
    route = route_hover(workspace, parsed.path, line, col)
    if route is not None:
        parts.append(route)
    if here:
        return "\n\n---\n\n".join(parts)
    for use in parsed.facts.uses:
        if use.span.contains(line, col):
            kind = cx.PROXIES.get(workspace.canonical(use.raw, parsed.path) or "")
            if kind is not None:
                ctx = workspace.context_at(parsed.path, use.ctx, use.function, use.pushed)
                parts.insert(0, _proxy_markdown(use.proxy, kind, ctx, workspace))
                break
    return "\n\n---\n\n".join(parts) if parts else None


def _finding_markdown(finding: Finding) -> str:
    from flask_lsp.rules.registry import rule_by_code

    rule = rule_by_code(finding.code)
    if rule is None:
        return f"**{finding.code}**: {finding.message}"
    links = " · ".join(f"[Flask docs]({url})" for url in rule.docs)
    parts = [
        f"**{rule.code}** `{rule.name}` ({finding.severity.label})",
        finding.message,
        rule.explanation.strip(),
    ]
    if links:
        parts.append(links)
    parts.append(f"Run `flask-lsp explain {rule.code}` for this text in a terminal.")
    return "\n\n".join(parts)


def _proxy_markdown(proxy: str, kind: str, ctx: cx.ExecContext, workspace: Workspace) -> str:
    needs = _NEEDS[kind]
    satisfied = cx.satisfies(ctx, kind, workspace.server_name_configured)
    if satisfied is True:
        status = f"✓ Active here: {ctx.reason}."
    elif satisfied is False:
        status = f"✗ Not active here: this runs {ctx.reason}."
    else:
        status = (
            "? Depends on the caller: this code is a helper, so flask-lsp judges it by its "
            "callers (a call from import time or a thread is reported there)."
        )
    doc = cx.FLASK_DOCS[kind]
    signature = f"{proxy}(...)" if proxy == "url_for" else proxy
    return f"```python\nflask.{signature}\n```\n\n`{proxy}` needs {needs}.\n\n{status}\n\n[Flask docs]({doc})"
