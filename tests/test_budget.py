"""Bounded work in the library: an analysis under a Budget stops at its time bound or when
cancelled, and leaves the project as it was, ready for the next analysis."""

from __future__ import annotations

import threading

import pytest

from flask_lsp.analysis.budget import AnalysisCancelled, AnalysisTimeout, Budget, checkpoint
from flask_lsp.engine.checker import Project

SMALL = "from flask import request\nargs = request.args\n"
LARGE = "from flask import request\n" + "args = request.args\n" * 5_000


def test_without_a_budget_checkpoints_do_nothing() -> None:
    checkpoint()
    project = Project()
    project.set_text("app.py", LARGE, pinned=True)
    assert len(project.findings("app.py")) == 5_000


def test_a_time_bound_stops_the_analysis_and_leaves_the_project_usable() -> None:
    project = Project()
    project.set_text("app.py", SMALL, pinned=True)
    huge = LARGE * 4  # 20,000 statements: far more than 10 ms of work, stopped midway
    with pytest.raises(AnalysisTimeout):
        Budget(0.01, "app.py").run(project.set_text, "app.py", huge, pinned=True)
    # The interrupted text never replaced the indexed one...
    assert len(project.findings("app.py")) == 1
    # ...and the next analysis, in time, sees the new text.
    Budget(None).run(project.set_text, "app.py", LARGE, pinned=True)
    assert len(Budget(None).run(project.findings, "app.py")) == 5_000


def test_cancelling_stops_a_running_analysis_at_its_next_checkpoint() -> None:
    project = Project()
    project.set_text("app.py", LARGE, pinned=True)
    budget = Budget(None, "app.py")
    outcome: list[BaseException] = []
    started = threading.Event()

    def analyse() -> None:
        started.set()
        try:
            while True:  # until cancelled: every round passes many checkpoints
                budget.run(project.findings, "app.py")
        except BaseException as stopped:
            outcome.append(stopped)

    worker = threading.Thread(target=analyse)
    worker.start()
    started.wait()
    budget.cancel()
    worker.join(60)
    assert not worker.is_alive()
    assert len(outcome) == 1 and isinstance(outcome[0], AnalysisCancelled)


def test_interruptions_are_not_swallowed_by_a_rules_error_handling() -> None:
    """Rules run inside `except Exception` (one rule's bug costs one rule); the interruption
    is a BaseException and goes through."""
    assert not issubclass(AnalysisTimeout, Exception)
    assert not issubclass(AnalysisCancelled, Exception)
