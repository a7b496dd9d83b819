"""Collects every rule module; the CLI, hover, `explain` and the README table all read it."""

from __future__ import annotations

import importlib
import pkgutil
import re
from functools import cache

from .base import Rule

_RULE_MODULE = re.compile(r"^fl\d{3}_")


@cache
def all_rules() -> tuple[Rule, ...]:
    import flask_lsp.rules as package

    rules = []
    for info in pkgutil.iter_modules(package.__path__):
        if _RULE_MODULE.match(info.name):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            rules.append(module.RULE)
    rules.sort(key=lambda rule: rule.code)
    codes = [rule.code for rule in rules]
    duplicates = {code for code in codes if codes.count(code) > 1}
    if duplicates:
        raise RuntimeError(f"rule codes defined twice: {sorted(duplicates)}")
    return tuple(rules)


def rule_by_code(code: str) -> Rule | None:
    wanted = code.strip().upper()
    return next((rule for rule in all_rules() if rule.code == wanted), None)


def matches_any_rule(prefix: str) -> bool:
    wanted = prefix.strip().upper()
    return any(rule.code.startswith(wanted) for rule in all_rules())


def rule_table_markdown() -> str:
    """The README's rule table."""
    lines = [
        "| Code | Name | What it catches | Group | Severity | Fix |",
        "|---|---|---|---|---|---|",
    ]
    for rule in all_rules():
        fix = "yes" if rule.fixable else ""
        lines.append(
            f"| {rule.code} | `{rule.name}` | {rule.title} | {rule.group} | "
            f"{rule.severity.label} | {fix} |"
        )
    return "\n".join(lines)
