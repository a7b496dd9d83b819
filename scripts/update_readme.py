#!/usr/bin/env python3
"""Regenerate the README's rule table from the rule registry (a test checks it is current)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

from flask_lsp.rules.registry import rule_table_markdown

README = Path(__file__).resolve().parent.parent / "README.md"
START, END = "<!-- rules-table:start -->", "<!-- rules-table:end -->"


def render(text: str) -> str:
    table = f"{START}\n{rule_table_markdown()}\n{END}"
    return re.sub(re.escape(START) + r".*?" + re.escape(END), lambda _: table, text, flags=re.S)


def main() -> int:
    text = README.read_text(encoding="utf-8")
    new = render(text)
    if "--check" in sys.argv:
        if new != text:
            print("README.md's rule table is out of date: run scripts/update_readme.py")
            return 1
        return 0
    README.write_text(new, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
