"""Properties of the analysis for any input text (hypothesis, a bounded number of examples).

1. It returns: never raises, whatever the text.
2. Every range (finding and quick-fix edit) lies inside the document.
3. No two findings duplicate each other.
4. A quick fix applied to a text that parsed leaves text that still parses, and the finding
   it was offered for is gone.

The generated programs are built from the top-level statements of every rule fixture, so each
rule sees its own patterns in new combinations, then optionally mangled. scripts/fuzz_atheris.py
runs the same checks for hours.
"""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flask_lsp.engine.checker import check_text

from .hostile import apply_fix, assert_sane, mutate, parses, top_level_chunks

CHUNKS = top_level_chunks()
IMPORTS = (
    "from flask import Flask, Blueprint, request, session, g, current_app, url_for\n"
    "import threading\napp = Flask(__name__)\n"
)

BOUNDED = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

programs = st.lists(st.sampled_from(CHUNKS), min_size=1, max_size=8).map(
    lambda chunks: IMPORTS + "\n\n".join(chunks) + "\n"
)
mangled_programs = st.tuples(programs, st.integers(0, 2**32), st.integers(1, 6)).map(
    lambda args: mutate(args[0], random.Random(args[1]), steps=args[2])
)
any_text = st.one_of(
    st.text(max_size=400),
    st.text(alphabet=st.sampled_from(list("()[]{}:;,.=#'\"\\ \t\n\r\x00\ufeffé😀")), max_size=200),
    st.lists(
        st.sampled_from([*CHUNKS, "", "    ", "\t", "@", "def", "with app.app_context():"])
    ).map("\n".join),
    mangled_programs,
)


@BOUNDED
@given(any_text)
def test_any_text_returns_sane_findings(text: str) -> None:
    assert_sane(text, check_text(text, "generated.py"))


@BOUNDED
@given(programs)
def test_quick_fixes_keep_the_code_parsing_and_remove_their_finding(text: str) -> None:
    assert parses(text)
    findings = check_text(text, "generated.py")
    assert_sane(text, findings)
    for finding in findings:
        if finding.fix is None:
            continue
        fixed = apply_fix(text, finding)
        assert parses(fixed), f"{finding.fix.title} broke the code:\n{fixed}"
        after = check_text(fixed, "generated.py")
        same = [f for f in after if f.code == finding.code and f.message == finding.message]
        before = [f for f in findings if f.code == finding.code and f.message == finding.message]
        assert len(same) < len(before), f"{finding.fix.title} left {finding.code} in place"


def test_generated_programs_exercise_fixable_findings() -> None:
    """The fix property is only worth something if generated programs carry fixes."""
    combined = IMPORTS + "\n\n".join(CHUNKS) + "\n"
    assert any(f.fix is not None for f in check_text(combined, "generated.py"))


@BOUNDED
@given(st.text(max_size=200), st.data())
def test_positions_round_trip_through_every_client_encoding(text: str, data: st.DataObject) -> None:
    """A code-point position sent to the client and read back is the same position."""
    from flask_lsp.analysis.source import SourceText
    from flask_lsp.server.positions import Encoder

    source = SourceText(text)
    line = data.draw(st.integers(0, len(source.lines) - 1))
    col = data.draw(st.integers(0, len(source.line(line))))
    for encoding in ("utf-16", "utf-8", "utf-32"):
        encoder = Encoder(encoding)
        position = encoder.to_client(source, line, col)
        assert encoder.from_client(source, position) == (line, col), encoding
