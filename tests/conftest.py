from __future__ import annotations

import os
from pathlib import Path

import pytest

# Strict mode for every test, subprocesses and servers included: a rule or an extractor that
# raises fails the test instead of costing one finding (flask_lsp/analysis/strict.py).
os.environ["FLASK_LSP_STRICT"] = "1"

TESTS = Path(__file__).parent
ROOT = TESTS.parent


@pytest.fixture
def examples() -> Path:
    return ROOT / "examples"


# Fixture projects are data: the canary's conftest.py, setup.py and __init__.py write a marker
# file when executed, so pytest must never collect (import) anything under tests/fixtures.
collect_ignore = ["fixtures"]
