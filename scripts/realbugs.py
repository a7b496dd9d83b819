"""The real-bug corpus (tests/realbugs/): real Flask context-misuse bugs that public projects
fixed, each as a reduction of the files before and after the fix.

Checks every bug's `before/` and `after/` folders with every rule and prints a Markdown table:
is the bug flagged where tests/realbugs/bugs.toml expects it, and is the fixed version clean of
that code. The statuses recorded in bugs.toml are what tests/test_realbugs.py holds the analysis
to; this script shows the measurement (`--check` exits 1 when the two disagree).

    scripts/realbugs            # the table
    scripts/realbugs --check    # and exit 1 if bugs.toml's status/after_clean are out of date
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from flask_lsp.config import EVERY_RULE
from flask_lsp.engine.checker import Project

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "realbugs"


def _lines(version: Path, code: str, file: str | None) -> set[tuple[str, int]]:
    """(file, line) of every `code` finding under `version` (only in `file` if given)."""
    project = Project(EVERY_RULE)
    found: set[tuple[str, int]] = set()
    for path in project.index_paths([version]):
        for finding in project.findings(path):
            relative = Path(finding.path).resolve().relative_to(version.resolve()).as_posix()
            if finding.code == code and (file is None or relative == file):
                found.add((relative, finding.span.start_line + 1))
    return found


def measure(bug: dict[str, Any]) -> tuple[bool, bool]:
    """(flagged before the fix, after version clean of the code)."""
    folder = CORPUS / bug["slug"]
    flagged = (bug["file"], bug["line"]) in _lines(folder / "before", bug["code"], bug["file"])
    clean = not _lines(folder / "after", bug["code"], None)
    return flagged, clean


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--check", action="store_true", help="exit 1 if bugs.toml disagrees with the measurement"
    )
    args = parser.parse_args(argv)
    bugs: list[dict[str, Any]] = tomllib.loads((CORPUS / "bugs.toml").read_text(encoding="utf-8"))[
        "bug"
    ]

    print("| bug | repo@commit | kind | code | flagged? | after clean? |")
    print("| --- | --- | --- | --- | --- | --- |")
    flagged_count = clean_count = 0
    stale: list[str] = []
    for bug in bugs:
        flagged, clean = measure(bug)
        flagged_count += flagged
        clean_count += clean
        commit = f"{bug['repo']}@{bug['fix_commit'][:10]}"
        print(
            f"| {bug['slug']} | {commit} | {bug['kind']} | {bug['code']} "
            f"| {'yes' if flagged else 'no'} | {'yes' if clean else 'no'} |"
        )
        if flagged != (bug["status"] == "flagged"):
            stale.append(f"{bug['slug']}: status is {bug['status']!r}, measured flagged={flagged}")
        if clean != bug.get("after_clean", True):
            stale.append(f"{bug['slug']}: after_clean disagrees, measured clean={clean}")
    print()
    print(f"{flagged_count} of {len(bugs)} flagged, {clean_count} after versions clean")
    if stale:
        print()
        print("bugs.toml is out of date:")
        for line in stale:
            print(f"- {line}")
    return 1 if args.check and stale else 0


if __name__ == "__main__":
    sys.exit(main())
