"""The primer's labels are data the suite reads (no network): every project listed in
tests/primer/projects.toml has a label file, every line parses, and every finding committed
there carries a label and a reason written by someone who read the code."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent


def _primer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("primer", ROOT / "scripts" / "primer.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["primer"] = module
    spec.loader.exec_module(module)
    return module


primer = _primer()
PROJECTS = primer.load_projects()


def test_the_primer_covers_at_least_twelve_pinned_projects() -> None:
    assert len(PROJECTS) >= 12
    assert len({p.name for p in PROJECTS}) == len(PROJECTS)
    assert all("==" in p.requirement for p in PROJECTS)


@pytest.mark.parametrize("project", PROJECTS, ids=lambda p: p.name)
def test_every_committed_finding_is_labelled(project: Any) -> None:
    path = primer.LABELS / f"{project.name}.txt"
    assert path.exists(), f"no label file for {project.name}: run scripts/primer --update"
    labels = primer.parse_labels(path.read_text(encoding="utf-8"), str(path))
    unlabelled = [f"{c} {p}" for (c, p), label in labels.items() if label.label == "?"]
    assert not unlabelled, f"read the code and label: {unlabelled}"
    for label in labels.values():
        assert label.label in primer.KINDS
        assert 0 < len(label.why) <= 200, label


@pytest.mark.parametrize(
    "line",
    [
        "FL304 app.py:3:1 maybe: a label that is not one",
        "FL304 app.py:3 bug: no column",
        "FL304 app.py:3:1 bug:",
    ],
)
def test_a_malformed_label_line_is_an_error(line: str) -> None:
    with pytest.raises(ValueError):
        primer.parse_labels(line + "\n", "labels.txt")


def test_a_finding_labelled_twice_is_an_error() -> None:
    text = "FL304 app.py:3:1 bug: one\nFL304 app.py:3:1 noise: two\n"
    with pytest.raises(ValueError, match="labelled twice"):
        primer.parse_labels(text, "labels.txt")


def test_labels_parse_into_code_place_label_and_reason() -> None:
    text = "# a comment\nFL506 pkg/models.py:1:19 bug: removed in Flask 3.0\n"
    (label,) = primer.parse_labels(text, "labels.txt").values()
    assert (label.code, label.place, label.label, label.why) == (
        "FL506",
        "pkg/models.py:1:19",
        "bug",
        "removed in Flask 3.0",
    )
