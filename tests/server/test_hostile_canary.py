"""flask-lsp never executes the user's code.

tests/fixtures/canary/ is a project whose every module (app, helpers, a package, conftest.py,
setup.py, __init__.py, __main__.py, sitecustomize.py, modules named like our own dependencies),
a `.pth` file and a compiled extension (built here from canary_ext.c) leave a marker file when
executed or loaded. It is analysed through every feature, by the CLI and by the server started
both ways editors start it, from inside the project; afterwards there must be no marker.
"""

from __future__ import annotations

import importlib.machinery
import json
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .conftest import server_command
from .rawclient import RawServer

CANARY = Path(__file__).parents[1] / "fixtures" / "canary"
EXTENSION = "canary_ext" + importlib.machinery.EXTENSION_SUFFIXES[0]
WORD_START = re.compile(r"\b[A-Za-z_]")


@pytest.fixture
def canary(tmp_path: Path) -> Iterator[tuple[Path, dict[str, str]]]:
    """A fresh copy of the canary project (with its extension built), and the environment
    that tells its code where to leave markers."""
    project = tmp_path / "canary"
    shutil.copytree(CANARY, project)
    compiler = shutil.which("cc") or shutil.which("gcc")
    if compiler is not None:
        subprocess.run(
            [
                compiler,
                "-shared",
                "-fPIC",
                "-o",
                str(project / EXTENSION),
                str(project / "canary_ext.c"),
            ],
            check=True,
        )
    markers = tmp_path / "markers"
    markers.mkdir()
    yield project, {"FLASK_LSP_CANARY_DIR": str(markers)}
    assert not list(CANARY.rglob("*.imported")), "something executed the canary in the repo"


def markers_of(env: dict[str, str]) -> list[str]:
    return sorted(p.name for p in Path(env["FLASK_LSP_CANARY_DIR"]).iterdir())


def test_the_canary_does_sing_when_executed(canary: tuple[Path, dict[str, str]]) -> None:
    """Control: the markers really appear when the code runs (so their absence means something)."""
    project, env = canary
    # Executed for real, each module stops at its first Flask error, after leaving its marker.
    script = "import importlib, site\n"
    script += "for name in ['conftest', 'setup', 'helpers', 'canary_pkg.models']:\n"
    script += "    try: importlib.import_module(name)\n    except RuntimeError: pass\n"
    script += f"site.addsitedir({str(project)!r})\n"
    if (project / EXTENSION).exists():
        script += f"import ctypes; ctypes.CDLL({str(project / EXTENSION)!r})\n"
    subprocess.run(
        [sys.executable, "-c", script], cwd=project, env={**os.environ, **env}, check=True
    )
    found = markers_of(env)
    for marker in ["conftest", "setup", "helpers", "canary_pkg", "canary_pkg.models", "pth"]:
        assert f"{marker}.imported" in found
    if (project / EXTENSION).exists():
        assert "canary_ext.imported" in found


def run_cli(project: Path, env: dict[str, str], *args: str, module: bool = False) -> str:
    command = [sys.executable, "-m", "flask_lsp"] if module else server_command()
    result = subprocess.run(
        [*command, *args],
        cwd=project,
        env={**os.environ, **env},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode in (0, 1), result.stderr
    return result.stdout


def test_cli_never_executes_the_project(canary: tuple[Path, dict[str, str]]) -> None:
    project, env = canary
    findings = json.loads(run_cli(project, env, "check", ".", "--format", "json", "--no-progress"))
    assert {(f["path"].rsplit("/", 1)[-1], f["code"]) for f in findings} >= {
        ("app.py", "FL101"),
        ("helpers.py", "FL101"),
    }
    run_cli(project, env, "check", "--no-progress")
    run_cli(project, env, "check", "app.py", "--no-progress", module=True)
    run_cli(project, env, "explain", "FL101")
    assert markers_of(env) == []


DOCUMENT_FEATURES = {
    "documentSymbolProvider": "textDocument/documentSymbol",
    "documentLinkProvider": "textDocument/documentLink",
    "codeLensProvider": "textDocument/codeLens",
    "foldingRangeProvider": "textDocument/foldingRange",
    "diagnosticProvider": "textDocument/diagnostic",
}


def exercise_every_feature(server: RawServer, project: Path) -> set[str]:
    """Open every file and ask the server everything it says it can answer, everywhere."""
    capabilities = server.initialize(project)["result"]["capabilities"]
    used = {"textDocument/publishDiagnostics", "textDocument/codeAction"}
    for path in sorted(project.rglob("*.py")):
        uri, text = path.as_uri(), path.read_text(encoding="utf-8")
        server.open(uri, text)
        diagnostics = server.diagnostics(uri)
        document = {"textDocument": {"uri": uri}}
        for capability, method in DOCUMENT_FEATURES.items():
            if capabilities.get(capability):
                used.add(method)
                assert "error" not in server.call(method, document), method
        for number, line in enumerate(text.splitlines()):
            for match in WORD_START.finditer(line):
                position = {"line": number, "character": match.start() + 1}
                for method, extra in server.position_requests():
                    used.add(method)
                    answer = server.call(method, {**document, "position": position, **extra})
                    assert "error" not in answer, (method, answer)
        for diagnostic in diagnostics:
            actions = server.call(
                "textDocument/codeAction",
                {
                    **document,
                    "range": diagnostic["range"],
                    "context": {"diagnostics": [diagnostic]},
                },
            )
            assert "error" not in actions
            for action in actions["result"] or []:
                if "command" in action and capabilities.get("executeCommandProvider"):
                    server.call("workspace/executeCommand", action["command"])
    if capabilities.get("workspaceSymbolProvider"):
        used.add("workspace/symbol")
        server.call("workspace/symbol", {"query": ""})
    return used


@pytest.mark.parametrize("start", ["console-script", "python-m"])
def test_server_never_executes_the_project(canary: tuple[Path, dict[str, str]], start: str) -> None:
    project, env = canary
    command = [sys.executable, "-m", "flask_lsp"] if start == "python-m" else None
    server = RawServer(project, env=env, command=command)
    try:
        used: Any = exercise_every_feature(server, project)
        assert {"textDocument/hover", "textDocument/codeAction"} <= used
    finally:
        server.close()
    assert markers_of(env) == []


JEDI_PROBE = """
import sys
from flask_lsp.analysis.inference import infer_import
print(infer_import("canary_ext", "request"), infer_import("canary_ext", "session"))
"""
PLAIN_JEDI = """
import jedi
project = jedi.Project("/nonexistent", load_unsafe_extensions=False, smart_sys_path=False)
script = jedi.Script("from canary_ext import request\\nrequest", project=project,
                     environment=jedi.InterpreterEnvironment())
print(script.goto(2, 3, follow_imports=True))
"""


def test_jedi_never_loads_an_extension_from_the_users_path(
    canary: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    """jedi loads compiled extensions it finds on its search path to inspect them. With the
    user's PYTHONPATH pointing at their project, plain jedi would load the project's extension
    into the server; flask-lsp gives jedi installed packages only."""
    project, env = canary
    if not (project / EXTENSION).exists():
        pytest.skip("no C compiler to build the canary extension")
    user_path = tmp_path / "user_path"
    user_path.mkdir()
    shutil.copy(project / EXTENSION, user_path / EXTENSION)
    run_env = {**os.environ, **env, "PYTHONPATH": str(user_path)}
    empty = tmp_path / "empty"
    empty.mkdir()

    def probe(code: str) -> None:
        subprocess.run([sys.executable, "-c", code], cwd=empty, env=run_env, check=True, timeout=60)

    probe(JEDI_PROBE)
    assert markers_of(env) == []
    probe(PLAIN_JEDI)  # control: the danger is real
    assert markers_of(env) == ["canary_ext.imported"]
