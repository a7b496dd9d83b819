"""Neovim (0.11+ API, headless): editors/nvim/lsp/flask_lsp.lua on the runtime path, the
server enabled with `vim.lsp.enable`, diagnostics, hover and a quick fix as a user gets them:
alone, beside jedi-language-server on the same buffer, and with a rule switched off in
`settings`.

The Lua side (drivers/nvim_session.lua) records what Neovim saw; the checks are here.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from .conftest import DRIVERS, FIX_CODE, REPO, expected_after_fix, tool

pytestmark = pytest.mark.editor

# (code, line, severity) of every finding in the fixture's app.py.
FINDINGS = [("FL101", 8, "ERROR"), ("FL105", 18, "WARN")]


def run_neovim(
    workspace: Path,
    env: dict[str, str],
    tmp_path: Path,
    beside: Path | None,
    settings: dict[str, Any] | None,
    hover_code: str,
) -> dict[str, Any]:
    nvim = tool("nvim", "nvim")
    report = tmp_path / "nvim-report.json"
    env = env | {
        "FLASK_LSP_FILE": str(workspace / "app.py"),
        "FLASK_LSP_REPORT": str(report),
        "FLASK_LSP_FIX_CODE": FIX_CODE,
        "FLASK_LSP_HOVER_CODE": hover_code,
        "FLASK_LSP_JEDI": str(beside or ""),
        "FLASK_LSP_SETTINGS": json.dumps(settings) if settings else "",
    }
    command = [
        str(nvim),
        "--headless",
        "--clean",
        "--cmd",
        f"set runtimepath^={REPO / 'editors' / 'nvim'}",
        "-c",
        f"luafile {DRIVERS / 'nvim_session.lua'}",
    ]
    done = subprocess.run(
        command, cwd=workspace, env=env, capture_output=True, text=True, timeout=180
    )
    assert report.exists(), f"nvim wrote no report\nstdout: {done.stdout}\nstderr: {done.stderr}"
    result: dict[str, Any] = json.loads(report.read_text())
    assert "error" not in result, result["error"]
    return result


@pytest.mark.parametrize(
    ("beside", "settings"),
    [
        (None, None),
        ("jedi-language-server", None),
        (None, {"ignore": ["FL101"]}),
    ],
    ids=["flask-lsp alone", "beside jedi-language-server", "settings ignore FL101"],
)
def test_neovim_diagnostics_hover_and_quick_fix(
    workspace: Path,
    editor_env: dict[str, str],
    tmp_path: Path,
    beside: str | None,
    settings: dict[str, Any] | None,
) -> None:
    other = tool(beside, beside) if beside else None
    ignored = set(settings["ignore"]) if settings else set()
    expected = [f for f in FINDINGS if f[0] not in ignored]
    hover_code = expected[0][0]
    report = run_neovim(workspace, editor_env, tmp_path, other, settings, hover_code)

    # Both servers attach to the same buffer; flask-lsp finds the project root.
    expected_clients = ["flask_lsp", "jedi_language_server"] if beside else ["flask_lsp"]
    assert report["clients"] == expected_clients
    assert report["filetype"] == "python"
    assert Path(report["root_dir"]) == workspace

    # vim.diagnostic.get() holds flask-lsp's findings (minus the ignored rule).
    found = [(d["code"], d["line"], d["severity"]) for d in report["diagnostics"]]
    assert found == expected

    # Hover on a finding explains its rule.
    assert hover_code in report["hover"]
    if beside:
        # The other server still answers on the same buffer.
        assert "Flask" in report["jedi_hover"]

    # vim.lsp.buf.code_action applied the quick fix to the buffer, and the finding went away.
    assert report["text_after_fix"] == expected_after_fix()
    assert report["after_fix_codes"] == [code for code, _, _ in expected if code != FIX_CODE]
