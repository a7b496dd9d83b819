#!/usr/bin/env python3
"""Regenerate the README's rule table and docs/rules.md from the rule registry.

`--check` only compares (a test runs it): every surface reads the rules from one place.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from flask_lsp.rules.registry import all_rules, rule_table_markdown

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
RULES_DOC = ROOT / "docs" / "rules.md"
START, END = "<!-- rules-table:start -->", "<!-- rules-table:end -->"


def render(text: str) -> str:
    table = f"{START}\n{rule_table_markdown()}\n{END}"
    return re.sub(re.escape(START) + r".*?" + re.escape(END), lambda _: table, text, flags=re.S)


def rules_document() -> str:
    parts = [
        "# Rules\n",
        "Generated from `flask_lsp/rules/` by `scripts/update_readme.py`; the same text is shown "
        "on hover and by `flask-lsp explain CODE`.\n",
    ]
    for rule in all_rules():
        fix = "yes" if rule.fixable else "no"
        parts.append(f"## {rule.code} `{rule.name}`\n")
        parts.append(
            f"{rule.title}. Group: {rule.group}. Default severity: {rule.severity.label}. "
            f"Quick fix: {fix}.\n"
        )
        parts.append(rule.explanation.strip() + "\n")
        parts.extend(f"Flask docs: <{url}>\n" for url in rule.docs)
    return "\n".join(parts)


def main() -> int:
    outputs = {README: render(README.read_text(encoding="utf-8")), RULES_DOC: rules_document()}
    stale = [
        p for p, new in outputs.items() if not p.exists() or p.read_text(encoding="utf-8") != new
    ]
    if "--check" in sys.argv:
        for path in stale:
            print(f"{path.relative_to(ROOT)} is out of date: run scripts/update_readme.py")
        return 1 if stale else 0
    for path in stale:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(outputs[path], encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
