"""Strict mode: where a bug in a rule or an extractor would cost one rule or one module's
facts (so that users never see a traceback), it re-raises instead, so that the test suite
fails on it. The suite turns it on for every test (`tests/conftest.py`), subprocesses and the
language server included, through the environment: `FLASK_LSP_STRICT=1`.

Pathological input (a RecursionError on absurd nesting, a MemoryError) is contained either way:
that is the product's promise to hostile files, not a bug.
"""

from __future__ import annotations

import os

ENVIRONMENT_VARIABLE = "FLASK_LSP_STRICT"


def strict_mode() -> bool:
    return os.environ.get(ENVIRONMENT_VARIABLE) == "1"


def reraise_if_strict(error: Exception) -> None:
    """Call in an `except Exception as error:` that contains a bug: in strict mode, raise it."""
    if strict_mode() and not isinstance(error, RecursionError | MemoryError):
        raise error
