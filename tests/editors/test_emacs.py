"""Emacs (batch) with Eglot: editors/emacs/flask-lsp.el puts flask-lsp in
`eglot-server-programs` for python-mode, through `rass` beside jedi-language-server when both
are installed; Flymake shows flask-lsp's diagnostics and Eglot applies its quick fix.

The Emacs Lisp side (drivers/emacs_session.el) records what Emacs saw; the checks are here.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from .conftest import DRIVERS, FIX_CODE, HOVER_CODE, REPO, expected_after_fix, tool

pytestmark = pytest.mark.editor


def run_emacs(
    workspace: Path, env: dict[str, str], tmp_path: Path, companion: bool
) -> dict[str, Any]:
    emacs = tool("emacs", "emacs")
    report = tmp_path / "emacs-report.json"
    env = env | {
        "FLASK_LSP_REPO": str(REPO),
        "FLASK_LSP_FILE": str(workspace / "app.py"),
        "FLASK_LSP_REPORT": str(report),
        "FLASK_LSP_FIX_CODE": FIX_CODE,
        "FLASK_LSP_HOVER_CODE": HOVER_CODE,
        "FLASK_LSP_COMPANION": "jedi-language-server" if companion else "none",
    }
    # -q, not -Q: Debian's site-start is what puts elpa-eglot on the load path.
    command = [str(emacs), "--batch", "-q", "-l", str(DRIVERS / "emacs_session.el")]
    done = subprocess.run(
        command, cwd=workspace, env=env, capture_output=True, text=True, timeout=240
    )
    assert report.exists(), f"emacs wrote no report\nstdout: {done.stdout}\nstderr: {done.stderr}"
    result: dict[str, Any] = json.loads(report.read_text())
    assert "error" not in result, f"{result['error']}\n{done.stderr}"
    return result


def test_eglot_through_rass_beside_jedi(
    workspace: Path, editor_env: dict[str, str], tmp_path: Path
) -> None:
    tool("rass", "rass")
    tool("jedi-language-server", "jedi-language-server")
    report = run_emacs(workspace, editor_env, tmp_path, companion=True)

    # flask-lsp.el chose the documented command; one Eglot connection, two servers.
    assert report["command"] == ["rass", "--", "jedi-language-server", "--", "flask-lsp"]
    assert report["major_mode"] == "python-mode"
    assert report["server_name"] == "jedi-language-server+flask-lsp"

    # Flymake shows flask-lsp's findings among the merged diagnostics.
    found = [(d["code"], d["line"], d["type"]) for d in report["diagnostics"]]
    assert found == [("FL101", 8, "eglot-error"), ("FL105", 18, "eglot-warning")]
    assert report["diagnostics"][0]["text"].startswith("flask-lsp [FL101]: `request`")

    # rass sends hover to its first server: jedi-language-server keeps answering it.
    assert "flask.globals.request" in report["hover"]

    # flask-lsp's quick fix comes through rass and Eglot applies it.
    assert any("with app.app_context()" in title for title in report["actions"])
    assert report["text_after_fix"] == expected_after_fix()
    assert report["after_fix_codes"] == ["FL101"]


def test_eglot_with_flask_lsp_alone(
    workspace: Path, editor_env: dict[str, str], tmp_path: Path
) -> None:
    report = run_emacs(workspace, editor_env, tmp_path, companion=False)

    assert report["command"] == ["flask-lsp"]
    assert report["server_name"] == "flask-lsp"
    found = [(d["code"], d["line"]) for d in report["diagnostics"]]
    assert found == [("FL101", 8), ("FL105", 18)]
    # Eglot asks for hover in plain text or markdown; either way it explains the rule.
    assert "FL101" in report["hover"]
    assert report["text_after_fix"] == expected_after_fix()
    assert report["after_fix_codes"] == ["FL101"]
