"""Compare the incremental analysis with a full one on any folder of Python code.

Typing inside one function re-analyses that function only (flask_lsp/analysis/incremental.py);
the test suite proves it exact on the rule fixtures. This runs the same comparison on real
code: every top-level function of every file is edited (a string, a name, a line emptied, a
request read and a helper call added; see tests/incremental_cases.py), and the facts and
findings after each edit are compared with those of a fresh, full analysis (except where the
edit leaves code that does not parse and the full parse cuts more than the function's own
lines: those are counted apart, see tests/test_incremental_parse.py). Each file is its own
project (cross-file effects are covered by the fixture projects).

    python scripts/compare_incremental.py .cache/bench/corpus/flask-3.1.3 [--limit 200]

Prints each difference and a summary; exits 1 if any.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from flask_lsp.analysis.findings import Finding  # noqa: E402
from flask_lsp.engine.checker import Project  # noqa: E402
from tests.incremental_cases import function_edits  # noqa: E402


def shown(finding: Finding) -> tuple[object, ...]:
    return (finding.code, finding.span, finding.message, finding.severity, finding.fix)


def compare_file(path: Path) -> tuple[int, int, int, list[str]]:
    """(edits, edits re-analysed incrementally, edits repaired locally, differences)."""
    text = path.read_text(encoding="utf-8", errors="replace")
    edits = list(function_edits(text))
    if not edits:
        return 0, 0, 0, []
    typing = Project()
    typing.set_text(str(path), text, pinned=True)
    typing.findings(str(path))
    derived = local = 0
    differences = []
    for what, edited in edits:
        typing.set_text(str(path), edited, pinned=True)
        parsed = typing.parsed(str(path))
        derived += parsed is not None and parsed.derived_from is not None
        got = [shown(f) for f in typing.findings(str(path))]
        fresh = Project()
        fresh.set_text(str(path), edited, pinned=True)
        want = [shown(f) for f in fresh.findings(str(path))]
        whole = fresh.parsed(str(path))
        if parsed is not None and whole is not None and parsed.parse.broken != whole.parse.broken:
            # Half-typed code: repaired inside its function, where a full parse cut more
            # (e.g. an unclosed string swallowing the rest of the file): not comparable.
            local += 1
        elif got != want:
            differences.append(f"{path}: {what}: {sorted(set(got) ^ set(want), key=str)[:2]}")
        typing.set_text(str(path), text, pinned=True)
        typing.findings(str(path))
    return len(edits), derived, local, differences


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--limit", type=int, default=0, help="at most this many files")
    args = parser.parse_args(argv)
    files = sorted(f for folder in args.folders for f in folder.rglob("*.py"))
    if args.limit:
        files = files[: args.limit]
    started = time.perf_counter()
    edits = derived = local = 0
    differences: list[str] = []
    for path in files:
        count, incremental, repaired, found = compare_file(path)
        edits, derived, local = edits + count, derived + incremental, local + repaired
        differences += found
        for line in found:
            print(f"DIFFERENT {line}", flush=True)
    seconds = time.perf_counter() - started
    print(
        f"{len(files)} files, {edits} edits inside functions, {derived} re-analysed "
        f"incrementally, {local} half-typed and repaired where a full parse cuts more, "
        f"{len(differences)} different from a full analysis ({seconds:.0f} s)"
    )
    return 1 if differences else 0


if __name__ == "__main__":
    raise SystemExit(main())
