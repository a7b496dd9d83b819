"""Fixture files mark the findings they expect on the line itself: `# expect: FL101`."""

from __future__ import annotations

import re
from pathlib import Path

from flask_lsp.analysis.findings import Finding
from flask_lsp.config import EVERY_RULE
from flask_lsp.engine.checker import Project

EXPECT = re.compile(r"#\s*expect:\s*(?P<codes>FL\d{3}(?:\s*,\s*FL\d{3})*)")


def expected(paths: list[Path]) -> set[tuple[str, int, str]]:
    found = set()
    for path in paths:
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            match = EXPECT.search(line)
            if match:
                for code in re.split(r"\s*,\s*", match.group("codes")):
                    found.add((path.name, number, code))
    return found


def check_paths(root: Path) -> tuple[Project, list[Finding], list[Path]]:
    project = Project(EVERY_RULE)
    files = sorted(root.rglob("*.py")) if root.is_dir() else [root]
    indexed = project.index_paths([root])
    findings = [f for path in indexed for f in project.findings(path)]
    return project, findings, files


def actual(findings: list[Finding]) -> set[tuple[str, int, str]]:
    return {(Path(f.path).name, f.span.start_line + 1, f.code) for f in findings}
