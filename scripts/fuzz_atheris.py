#!/usr/bin/env python3
"""Coverage-guided fuzzing of the analysis with atheris (libFuzzer), for long runs.

    .venv/bin/pip install -e '.[fuzz]'
    mkdir -p .fuzz-corpus
    .venv/bin/python scripts/fuzz_atheris.py .fuzz-corpus -max_total_time=3600   # an hour
    .venv/bin/python scripts/fuzz_atheris.py -runs=20000                          # a fixed count

Every input is turned into Python-ish source in one of four ways (raw text, a mangled rule
fixture, a program built from fixture statements, or bytes decoded as a file on disk would be)
and must satisfy what tests/test_properties.py checks with hypothesis: the analysis returns,
every range lies inside the document, no two findings duplicate each other, and a quick fix
applied to code that parsed leaves code that parses, without that finding. A violated property
raises, and libFuzzer saves the input as crash-<sha1> in the current folder.
libFuzzer's summary ("Done N runs in S second(s)") gives the number of inputs tried.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import atheris  # noqa: E402

with atheris.instrument_imports(include=["flask_lsp"]):
    from flask_lsp.analysis.source import decode_source
    from flask_lsp.engine.checker import check_text

from tests.hostile import (  # noqa: E402
    RULE_FIXTURES,
    apply_fix,
    assert_sane,
    mutate,
    parses,
    top_level_chunks,
)

FIXTURES = [path.read_text(encoding="utf-8") for path in RULE_FIXTURES]
CHUNKS = top_level_chunks()
IMPORTS = (
    "from flask import Flask, request, session, g, current_app, url_for\napp = Flask(__name__)\n"
)


def source_from(data: bytes) -> str:
    provider = atheris.FuzzedDataProvider(data)
    mode = provider.ConsumeIntInRange(0, 3)
    if mode == 0:
        return str(provider.ConsumeUnicode(provider.remaining_bytes()))
    if mode == 1:
        text = FIXTURES[provider.ConsumeIntInRange(0, len(FIXTURES) - 1)]
        rng = random.Random(provider.ConsumeInt(8))
        return mutate(text, rng, steps=provider.ConsumeIntInRange(1, 8))
    if mode == 2:
        count = provider.ConsumeIntInRange(1, 8)
        picks = [CHUNKS[provider.ConsumeIntInRange(0, len(CHUNKS) - 1)] for _ in range(count)]
        return IMPORTS + "\n\n".join(picks) + "\n"
    return decode_source(provider.ConsumeBytes(provider.remaining_bytes()))


def test_one_input(data: bytes) -> None:
    text = source_from(data)
    findings = check_text(text, "fuzzed.py")
    assert_sane(text, findings)
    if not parses(text):
        return
    for finding in findings:
        if finding.fix is None:
            continue
        fixed = apply_fix(text, finding)
        if not parses(fixed):
            raise AssertionError(f"{finding.fix.title} broke the code:\n{fixed}")
        same = [f for f in findings if (f.code, f.message) == (finding.code, finding.message)]
        after = [
            f
            for f in check_text(fixed, "fuzzed.py")
            if (f.code, f.message) == (finding.code, finding.message)
        ]
        if len(after) >= len(same):
            raise AssertionError(f"{finding.fix.title} left {finding.code} in place:\n{fixed}")


def main() -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
