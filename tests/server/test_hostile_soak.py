"""The soak script in small: 1,000 edits over stdio, memory growth under 10% (the full
10,000-edit run is `python scripts/soak.py`, figures in docs/reliability.md)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SOAK = Path(__file__).parents[2] / "scripts" / "soak.py"


def test_a_thousand_edits_leave_memory_flat() -> None:
    result = subprocess.run(
        [sys.executable, str(SOAK), "--edits", "1000"],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "growth from start to end" in result.stdout
