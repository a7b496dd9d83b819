"""Neovim (0.11+ API, headless): editors/nvim/lsp/flask_lsp.lua on the runtime path, the
server enabled with `vim.lsp.enable`, diagnostics, hover and a quick fix as a user gets them.

The Lua side (drivers/nvim_session.lua) records what Neovim saw; the checks are here.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from .conftest import FIX_CODE, HOVER_CODE, REPO, expected_after_fix, tool

pytestmark = pytest.mark.editor

DRIVER = Path(__file__).resolve().parent / "drivers" / "nvim_session.lua"


def run_neovim(
    workspace: Path, env: dict[str, str], tmp_path: Path, beside: Path | None
) -> dict[str, Any]:
    nvim = tool("nvim", "nvim")
    report = tmp_path / "nvim-report.json"
    env = env | {
        "FLASK_LSP_FILE": str(workspace / "app.py"),
        "FLASK_LSP_REPORT": str(report),
        "FLASK_LSP_FIX_CODE": FIX_CODE,
        "FLASK_LSP_HOVER_CODE": HOVER_CODE,
        "FLASK_LSP_JEDI": str(beside or ""),
    }
    command = [
        str(nvim),
        "--headless",
        "--clean",
        "--cmd",
        f"set runtimepath^={REPO / 'editors' / 'nvim'}",
        "-c",
        f"luafile {DRIVER}",
    ]
    done = subprocess.run(
        command, cwd=workspace, env=env, capture_output=True, text=True, timeout=180
    )
    assert report.exists(), f"nvim wrote no report\nstdout: {done.stdout}\nstderr: {done.stderr}"
    result: dict[str, Any] = json.loads(report.read_text())
    assert "error" not in result, result["error"]
    return result


@pytest.mark.parametrize(
    "beside",
    [None, "jedi-language-server"],
    ids=["flask-lsp alone", "beside jedi-language-server"],
)
def test_neovim_diagnostics_hover_and_quick_fix(
    workspace: Path, editor_env: dict[str, str], tmp_path: Path, beside: str | None
) -> None:
    other = tool(beside, beside) if beside else None
    report = run_neovim(workspace, editor_env, tmp_path, other)

    # Both servers attach to the same buffer; flask-lsp finds the project root.
    expected_clients = ["flask_lsp", "jedi_language_server"] if beside else ["flask_lsp"]
    assert report["clients"] == expected_clients
    assert report["filetype"] == "python"
    assert Path(report["root_dir"]) == workspace

    # vim.diagnostic.get() holds flask-lsp's findings, with their codes and lines.
    found = [(d["code"], d["line"], d["severity"]) for d in report["diagnostics"]]
    assert found == [("FL101", 8, "ERROR"), ("FL105", 18, "WARN")]

    # Hover on the FL101 finding explains the rule.
    assert "FL101" in report["hover"]
    assert "request" in report["hover"]
    if beside:
        # The other server still answers on the same buffer.
        assert "Flask" in report["jedi_hover"]

    # vim.lsp.buf.code_action applied the quick fix to the buffer, and the finding went away.
    assert report["text_after_fix"] == expected_after_fix()
    assert report["after_fix_codes"] == ["FL101"]
