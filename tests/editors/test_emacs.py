"""Emacs (batch), both LSP clients, with editors/emacs/flask-lsp.el loaded.

Eglot: flask-lsp.el puts flask-lsp in `eglot-server-programs` for python-mode, through `rass`
beside jedi-language-server when both are installed; Flymake shows flask-lsp's diagnostics,
Eglot applies its quick fix, and `eglot-workspace-configuration` reaches the server.
lsp-mode: flask-lsp is an add-on client that starts beside the main Python server.

The Emacs Lisp side (drivers/*_session.el) records what Emacs saw; the checks are here.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from .conftest import DRIVERS, FIX_CODE, HOVER_CODE, REPO, expected_after_fix, require, tool

pytestmark = pytest.mark.editor


def run_emacs(
    workspace: Path,
    env: dict[str, str],
    tmp_path: Path,
    companion: bool,
    settings: dict[str, Any] | None = None,
    hover_code: str = HOVER_CODE,
) -> dict[str, Any]:
    emacs = tool("emacs", "emacs")
    report = tmp_path / "emacs-report.json"
    env = env | {
        "FLASK_LSP_REPO": str(REPO),
        "FLASK_LSP_FILE": str(workspace / "app.py"),
        "FLASK_LSP_REPORT": str(report),
        "FLASK_LSP_FIX_CODE": FIX_CODE,
        "FLASK_LSP_HOVER_CODE": hover_code,
        "FLASK_LSP_COMPANION": "jedi-language-server" if companion else "none",
        "FLASK_LSP_SETTINGS": json.dumps(settings) if settings else "",
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


def test_eglot_workspace_configuration_switches_a_rule_off(
    workspace: Path, editor_env: dict[str, str], tmp_path: Path
) -> None:
    report = run_emacs(
        workspace,
        editor_env,
        tmp_path,
        companion=False,
        settings={"ignore": ["FL101"]},
        hover_code="FL105",
    )

    assert [d["code"] for d in report["diagnostics"]] == ["FL105"]
    assert "FL105" in report["hover"]
    assert report["text_after_fix"] == expected_after_fix()
    assert report["after_fix_codes"] == []


def test_lsp_mode_runs_flask_lsp_as_an_add_on_beside_the_main_server(
    workspace: Path, editor_env: dict[str, str], tmp_path: Path
) -> None:
    emacs = tool("emacs", "emacs")
    tool("jedi-language-server", "jedi-language-server")
    lsp_mode = sorted(Path("/usr/share/emacs/site-lisp/elpa").glob("lsp-mode-*"))
    require("lsp-mode", lsp_mode[-1] if lsp_mode else None)
    report_path = tmp_path / "lsp-mode-report.json"
    env = editor_env | {
        "FLASK_LSP_REPO": str(REPO),
        "FLASK_LSP_FILE": str(workspace / "app.py"),
        "FLASK_LSP_REPORT": str(report_path),
        "FLASK_LSP_FIX_CODE": FIX_CODE,
    }
    command = [str(emacs), "--batch", "-q", "-l", str(DRIVERS / "lsp_mode_session.el")]
    done = subprocess.run(
        command, cwd=workspace, env=env, capture_output=True, text=True, timeout=240
    )
    assert report_path.exists(), f"emacs wrote no report\n{done.stderr}"
    report = json.loads(report_path.read_text())
    assert "error" not in report, f"{report['error']}\n{done.stderr}"

    # `M-x lsp` started the main server and flask-lsp (the add-on) on the same buffer.
    assert report["servers"] == ["flask-lsp", "jedi-main"]
    assert [(d["code"], d["line"]) for d in report["diagnostics"]] == [("FL101", 8), ("FL105", 18)]
    assert report["flymake_count"] >= 2
    # Code actions from both servers are offered together; flask-lsp's fix applies.
    assert any(t.startswith("Enter it: `with app.app_context():`") for t in report["actions"])
    assert report["text_after_fix"] == expected_after_fix()
    assert report["after_fix_codes"] == ["FL101"]
