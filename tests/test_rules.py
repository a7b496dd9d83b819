"""Every fixture under tests/rules/<CODE>/ is a file (or a folder: a multi-file project) whose
lines say what they expect with `# expect: CODE`. Files named `negative_*` expect nothing."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from flask_lsp.engine.checker import check_text

from .expectations import actual, check_paths, expected
from .fixes import apply_fix

RULES = Path(__file__).parent / "rules"
FIXTURES = sorted(p for p in RULES.glob("*/*") if p.suffix == ".py" or p.is_dir())


def _id(path: Path) -> str:
    return f"{path.parent.name}/{path.name}"


@pytest.mark.parametrize("fixture", FIXTURES, ids=_id)
def test_fixture_findings(fixture: Path) -> None:
    _, findings, files = check_paths(fixture)
    assert actual(findings) == expected(files)


def test_every_rule_has_positives_and_negatives() -> None:
    from flask_lsp.rules.registry import all_rules

    for rule in all_rules():
        folder = RULES / rule.code
        assert folder.is_dir(), f"{rule.code} has no fixtures"
        positives = sum(1 for e in expected(list(folder.rglob("*.py"))) if e[2] == rule.code)
        negatives = [p for p in folder.rglob("*.py") if p.name.startswith("negative")]
        assert positives >= 3, f"{rule.code}: {positives} positive cases"
        assert negatives, f"{rule.code}: no negative fixtures"


SINGLE_FILES = [p for p in FIXTURES if p.is_file()]


@pytest.mark.parametrize("fixture", SINGLE_FILES, ids=_id)
def test_fixes_leave_valid_python_and_remove_the_finding(fixture: Path) -> None:
    text = fixture.read_text(encoding="utf-8")
    before = check_text(text, str(fixture))
    for finding in before:
        if finding.fix is None:
            continue
        fixed = apply_fix(text, finding)
        ast.parse(fixed)
        count = sum(1 for f in before if f.code == finding.code)
        after = sum(1 for f in check_text(fixed, str(fixture)) if f.code == finding.code)
        assert after < count, f"{finding.fix.title} did not remove {finding.code}"
