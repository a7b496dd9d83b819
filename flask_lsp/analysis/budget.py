"""Time bounds and cancellation for one analysis.

The analysis is plain Python running on one worker thread; it cannot be killed from outside,
so it checks in: `checkpoint()` is called between statements and between rules, and raises
`AnalysisTimeout` once the running `Budget` is spent, or `AnalysisCancelled` once someone
cancelled it (the editor sent a newer version of the document, so this result is stale).

Both derive from BaseException on purpose, like asyncio.CancelledError: the `except Exception`
that keeps one rule's bug from costing the whole file must not swallow them.

Without a budget (the CLI, `check_text`, tests) `checkpoint()` does nothing.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from contextvars import ContextVar
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")


class AnalysisInterrupted(BaseException):
    """The analysis stopped early; the caller keeps its previous results."""


class AnalysisTimeout(AnalysisInterrupted):
    """The analysis ran past its time bound."""


class AnalysisCancelled(AnalysisInterrupted):
    """The analysis was cancelled: its result is no longer wanted."""


class Budget:
    """How long one analysis may run, and a flag to stop it early. Thread-safe."""

    def __init__(self, seconds: float | None = None, label: str = "") -> None:
        self.seconds = seconds
        self.label = label
        self._cancel = threading.Event()
        self._deadline: float | None = None

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise AnalysisCancelled(self.label)
        if self._deadline is not None and time.monotonic() > self._deadline:
            raise AnalysisTimeout(f"{self.label}: over {self.seconds:g}s")

    def run(self, fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T:
        """Call `fn` with this budget in force; the clock starts now."""
        self._deadline = None if self.seconds is None else time.monotonic() + self.seconds
        token = _current.set(self)
        try:
            self.check()
            return fn(*args, **kwargs)
        finally:
            _current.reset(token)


_current: ContextVar[Budget | None] = ContextVar("flask_lsp_budget", default=None)


def checkpoint() -> None:
    """Raise if the analysis running on this thread is out of time or cancelled."""
    budget = _current.get()
    if budget is not None:
        budget.check()
