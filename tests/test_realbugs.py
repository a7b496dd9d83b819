"""The real-bug corpus (tests/realbugs/): context-misuse bugs that public Flask projects fixed.

For each bug in bugs.toml, the version before the fix gets the expected finding if its status is
"flagged" (and not yet, if "missed"), and the fixed version gets none of that code, unless
bugs.toml records that it does (`after_clean = false`) and where."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

from .expectations import check_paths

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CORPUS = Path(__file__).parent / "realbugs"
BUGS: list[dict[str, Any]] = tomllib.loads((CORPUS / "bugs.toml").read_text(encoding="utf-8"))[
    "bug"
]


def _lines(version: Path, code: str, file: str) -> set[int]:
    """The lines of `file` (relative to `version`) where `code` is reported."""
    _, findings, _ = check_paths(version)
    target = (version / file).resolve()
    return {
        f.span.start_line + 1
        for f in findings
        if f.code == code and Path(f.path).resolve() == target
    }


@pytest.mark.parametrize("bug", BUGS, ids=[b["slug"] for b in BUGS])
def test_before_the_fix(bug: dict[str, Any]) -> None:
    folder = CORPUS / bug["slug"] / "before"
    assert (folder / bug["file"]).is_file(), f"{bug['slug']}: no before/{bug['file']}"
    lines = _lines(folder, bug["code"], bug["file"])
    if bug["status"] == "flagged":
        assert bug["line"] in lines, (
            f"{bug['slug']}: expected {bug['code']} at {bug['file']}:{bug['line']}, "
            f"got it at {sorted(lines)}"
        )
    else:
        assert bug["status"] == "missed", f"{bug['slug']}: unknown status {bug['status']!r}"
        assert bug.get("why_missed"), f"{bug['slug']}: a missed bug needs why_missed"
        assert bug["line"] not in lines, (
            f"{bug['slug']} is now flagged ({bug['code']} at {bug['file']}:{bug['line']}): "
            'the analysis improved, so set status = "flagged" in tests/realbugs/bugs.toml '
            "and drop why_missed"
        )


@pytest.mark.parametrize("bug", BUGS, ids=[b["slug"] for b in BUGS])
def test_after_the_fix(bug: dict[str, Any]) -> None:
    folder = CORPUS / bug["slug"] / "after"
    assert (folder / bug["file"]).is_file(), f"{bug['slug']}: no after/{bug['file']}"
    _, findings, _ = check_paths(folder)
    lines = {(Path(f.path).name, f.span.start_line + 1) for f in findings if f.code == bug["code"]}
    if bug.get("after_clean", True):
        assert not lines, f"{bug['slug']}: the fixed version still gets {bug['code']} at {lines}"
    else:
        assert bug.get("after_reason"), f"{bug['slug']}: after_clean = false needs after_reason"
        expected = {(Path(bug["file"]).name, line) for line in bug["after_lines"]}
        assert lines == expected, (
            f"{bug['slug']}: the fixed version now gets {bug['code']} at {sorted(lines)}, "
            f"not {sorted(expected)}; if it is clean, set after_clean = true in "
            "tests/realbugs/bugs.toml and drop after_lines/after_reason"
        )


def test_every_bug_has_a_folder_and_every_folder_a_bug() -> None:
    folders = {p.name for p in CORPUS.iterdir() if p.is_dir() and not p.name.startswith("__")}
    slugs = [b["slug"] for b in BUGS]
    assert len(slugs) == len(set(slugs)), "duplicate slugs in bugs.toml"
    assert folders == set(slugs)
    for bug in BUGS:
        for version in ("before", "after"):
            for path in (CORPUS / bug["slug"] / version).rglob("*.py"):
                first = path.read_text(encoding="utf-8").splitlines()[:1]
                assert first and first[0].startswith(f"# {bug['repo']} "), (
                    f"{path}: the first line must name the repository and commit"
                )
