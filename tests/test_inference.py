"""jedi settles names the AST cannot: a proxy re-exported by an installed package."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from flask_lsp.analysis import inference


def test_reexport_from_an_installed_package_is_followed(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "compatlib").mkdir(parents=True)
    (site / "compatlib" / "__init__.py").write_text(
        "from flask import request\n\nsession = object()  # not Flask's\n"
    )
    project = tmp_path / "project"
    project.mkdir()
    (project / "app.py").write_text(
        "from compatlib import request, session\n\nARGS = request.args\nVALUE = session.value\n"
    )
    result = subprocess.run(
        [sys.executable, "-m", "flask_lsp", "check", "app.py", "--format", "json"],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(site)},
        timeout=120,
    )
    findings = json.loads(result.stdout)
    assert [(f["code"], f["line"]) for f in findings] == [("FL101", 3)]


# The time bound and the one-jedi-at-a-time rule, with jedi replaced by a seam we control.


@pytest.fixture
def jedi_seam(monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeJedi]:
    monkeypatch.setattr(inference, "TIME_BOUND_SECONDS", 0.05)
    inference.clear_cache()
    fake = FakeJedi()
    monkeypatch.setattr(inference, "_goto", fake)
    try:
        yield fake
    finally:
        fake.release.set()  # let any jedi thread still blocked end
        assert inference._jedi_free.acquire(timeout=5), "a jedi thread did not end"
        inference._jedi_free.release()
        inference.clear_cache()


class FakeJedi:
    """Stands in for `_goto`: blocks until `release` is set, records concurrency."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.release.set()
        self.calls: list[tuple[str, str]] = []
        self.running = 0
        self.max_running = 0
        self.finished = threading.Event()
        self._lock = threading.Lock()

    def __call__(self, module: str, name: str) -> str | None:
        with self._lock:
            self.calls.append((module, name))
            self.running += 1
            self.max_running = max(self.max_running, self.running)
        try:
            self.release.wait(10)
            return "flask.globals.request" if name == "request" else None
        finally:
            with self._lock:
                self.running -= 1
            self.finished.set()


def wait_until_jedi_is_free() -> None:
    assert inference._jedi_free.acquire(timeout=5)
    inference._jedi_free.release()


def test_a_timed_out_question_is_asked_again(jedi_seam: FakeJedi) -> None:
    jedi_seam.release.clear()
    assert inference.infer_import("compatlib", "request") is None  # too slow
    jedi_seam.release.set()
    assert jedi_seam.finished.wait(5)
    wait_until_jedi_is_free()
    # The late answer was kept: the next question gets it without asking jedi again.
    assert inference.infer_import("compatlib", "request") == "flask.globals.request"
    assert jedi_seam.calls == [("compatlib", "request")]


def test_a_timed_out_question_is_not_cached_while_jedi_still_runs(jedi_seam: FakeJedi) -> None:
    jedi_seam.release.clear()
    assert inference.infer_import("compatlib", "request") is None
    assert inference.infer_import("compatlib", "request") is None  # still running: unknown
    jedi_seam.release.set()
    wait_until_jedi_is_free()
    assert inference.infer_import("compatlib", "request") == "flask.globals.request"


def test_never_two_jedi_threads_at_once(jedi_seam: FakeJedi) -> None:
    jedi_seam.release.clear()
    assert inference.infer_import("compatlib", "request") is None
    for _ in range(3):  # jedi still busy: each answers unknown, within its own bound
        started = time.monotonic()
        assert inference.infer_import("compatlib", "session") is None
        assert time.monotonic() - started < 0.05 + 0.5
    assert jedi_seam.calls == [("compatlib", "request")]  # no second jedi call was started
    jedi_seam.release.set()
    wait_until_jedi_is_free()
    assert inference.infer_import("compatlib", "session") is None  # jedi's own answer now
    assert jedi_seam.calls == [("compatlib", "request"), ("compatlib", "session")]
    assert jedi_seam.max_running == 1


def test_questions_from_many_threads_run_jedi_one_at_a_time(jedi_seam: FakeJedi) -> None:
    jedi_seam.release.clear()
    names = [f"name{i}" for i in range(8)]
    threads = [
        threading.Thread(target=inference.infer_import, args=("compatlib", n)) for n in names
    ]
    for thread in threads:
        thread.start()
    time.sleep(0.02)
    jedi_seam.release.set()  # jedi gets fast: the waiting questions take their turn
    for thread in threads:
        thread.join(5)
    assert jedi_seam.calls and jedi_seam.max_running == 1


def test_a_question_waits_for_a_busy_jedi_within_its_bound(
    jedi_seam: FakeJedi, monkeypatch: pytest.MonkeyPatch
) -> None:
    jedi_seam.release.clear()
    assert inference.infer_import("compatlib", "request") is None
    monkeypatch.setattr(inference, "TIME_BOUND_SECONDS", 2.0)
    threading.Timer(0.05, jedi_seam.release.set).start()  # the earlier jedi thread ends soon
    started = time.monotonic()
    assert inference.infer_import("compatlib", "request") == "flask.globals.request"
    assert time.monotonic() - started < 2.0
    assert jedi_seam.calls == [("compatlib", "request")]  # answered by the earlier thread


def test_a_definitive_answer_is_cached(jedi_seam: FakeJedi) -> None:
    assert inference.infer_import("compatlib", "request") == "flask.globals.request"
    assert inference.infer_import("compatlib", "request") == "flask.globals.request"
    assert inference.infer_import("compatlib", "session") is None  # not found: also an answer
    assert inference.infer_import("compatlib", "session") is None
    assert jedi_seam.calls == [("compatlib", "request"), ("compatlib", "session")]


def test_jedi_failing_is_an_answer_and_never_reaches_the_caller(
    jedi_seam: FakeJedi, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []

    def broken(module: str, name: str) -> str | None:
        calls.append(name)
        raise RuntimeError("jedi bug")

    monkeypatch.setattr(inference, "_goto", broken)
    assert inference.infer_import("compatlib", "request") is None
    assert inference.infer_import("compatlib", "request") is None
    assert calls == ["request"]


def test_the_real_jedi_is_asked_in_process() -> None:
    """The seam asks jedi itself: an installed module's re-export is followed."""
    assert inference._goto("flask", "request") == "flask.globals.request"
