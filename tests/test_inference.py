"""jedi settles names the AST cannot: a proxy re-exported by an installed package."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path


def test_reexport_from_an_installed_package_is_followed(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "compatlib").mkdir(parents=True)
    (site / "compatlib" / "__init__.py").write_text(
        "from flask import request\n\nsession = object()  # not Flask's\n"
    )
    project = tmp_path / "project"
    project.mkdir()
    (project / "app.py").write_text(
        "from compatlib import request, session\n\nARGS = request.args\nVALUE = session.value\n"
    )
    result = subprocess.run(
        [sys.executable, "-m", "flask_lsp", "check", "app.py", "--format", "json"],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": str(site)},
        timeout=120,
    )
    findings = json.loads(result.stdout)
    assert [(f["code"], f["line"]) for f in findings] == [("FL101", 3)]
