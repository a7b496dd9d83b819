from __future__ import annotations

from pathlib import Path

import pytest

TESTS = Path(__file__).parent
ROOT = TESTS.parent


@pytest.fixture
def examples() -> Path:
    return ROOT / "examples"


# Fixture projects are data: the canary's conftest.py, setup.py and __init__.py write a marker
# file when executed, so pytest must never collect (import) anything under tests/fixtures.
collect_ignore = ["fixtures"]
