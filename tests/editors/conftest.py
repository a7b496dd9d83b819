"""Shared set-up for the editor tests: where the tools are, the fixture workspace, skips.

Every editor test starts the server as a user's install does, through the `flask-lsp`
console script in the test environment (.venv/bin), so a packaging error fails here.
Tools come from scripts/install-editor-deps; when one could not be installed, its reason is
in .cache/editors/<component>.missing and the tests that need it skip with that reason.
"""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent
STATE = REPO / ".cache" / "editors"
FIXTURE = REPO / "tests" / "fixtures" / "editors" / "flaskapp"
DRIVERS = Path(__file__).resolve().parent / "drivers"
ARTIFACTS = REPO / "test-artifacts"

# The fixture's two findings, and the quick fix the editors apply (FL105: enter the context).
FIX_CODE = "FL105"
HOVER_CODE = "FL101"
BEFORE_FIX = '    app.app_context()\n    print("creating tables")\n'
AFTER_FIX = '    with app.app_context():\n        print("creating tables")\n'


def require(component: str, path: str | Path | None) -> Path:
    """The tool at `path`, or skip the test with the reason the installer recorded."""
    if path is not None and Path(path).exists():
        return Path(path)
    reason_file = STATE / f"{component}.missing"
    reason = (
        reason_file.read_text().strip()
        if reason_file.exists()
        else "not installed; run scripts/install-editor-deps"
    )
    pytest.skip(f"{component} unavailable: {reason}")


def tool(component: str, name: str) -> Path:
    """A program from the test venv, else PATH (skips when neither has it)."""
    in_venv = VENV_BIN / name
    return require(component, in_venv if in_venv.exists() else shutil.which(name))


@pytest.fixture
def flask_lsp() -> Path:
    """The installed console script, exactly what a user's `pip install flask-lsp` gives."""
    return tool("flask-lsp", "flask-lsp")


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A fresh copy of the fixture Flask project (the quick fixes edit it)."""
    target = tmp_path / "flaskapp"
    shutil.copytree(FIXTURE, target)
    return target


@pytest.fixture
def editor_env(flask_lsp: Path, tmp_path: Path) -> dict[str, str]:
    """Environment for an editor process: the venv first on PATH, a private HOME."""
    home = tmp_path / "home"
    home.mkdir()
    env = dict(os.environ)
    env["PATH"] = f"{flask_lsp.parent}{os.pathsep}{env.get('PATH', '')}"
    env["HOME"] = str(home)
    env["XDG_CONFIG_HOME"] = str(home / ".config")
    env["XDG_DATA_HOME"] = str(home / ".local" / "share")
    env["XDG_STATE_HOME"] = str(home / ".local" / "state")
    env["XDG_CACHE_HOME"] = str(home / ".cache")
    return env


def expected_after_fix() -> str:
    original = (FIXTURE / "app.py").read_text()
    assert BEFORE_FIX in original
    return original.replace(BEFORE_FIX, AFTER_FIX)


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]) -> object:
    """Keep each phase's report on the test item, so fixtures can tell that a test failed."""
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report
