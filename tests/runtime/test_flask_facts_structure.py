"""The run-time behaviour the FL5xx rules rest on, shown on small apps with real Flask.

Versions move; these tests pin down what Flask, Flask-SQLAlchemy and Python actually do, so a
rule that stops being true fails here first.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

RULES = Path(__file__).parent.parent / "rules"


# -- FL501: `from app import app` in a module that app.py imports first ---------------------------

FL501_PROJECTS = sorted(p for p in (RULES / "FL501").iterdir() if p.is_dir())


def _entry_module(project: Path) -> str:
    """What `flask --app` or Gunicorn would import: the module that creates the app."""
    return "app" if (project / "app.py").exists() else "shop"


def _import_in_subprocess(project: Path, module: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-B", "-c", f"import {module}"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=60,
    )


@pytest.mark.parametrize("project", FL501_PROJECTS, ids=lambda p: p.name)
def test_fl501_fixture_projects_fail_to_import_exactly_when_flagged(project: Path) -> None:
    """Every FL501 fixture project is imported for real: the flagged ones, and only those, raise."""
    flagged = any("expect: FL501" in f.read_text(encoding="utf-8") for f in project.rglob("*.py"))
    result = _import_in_subprocess(project, _entry_module(project))
    if flagged:
        assert result.returncode != 0
        assert "ImportError: cannot import name" in result.stderr
        assert "partially initialized module" in result.stderr
    else:
        assert result.returncode == 0, result.stderr
