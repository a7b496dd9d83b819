"""`flask-lsp check` and `flask-lsp explain`, run as a user would: the installed console script."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent
SHOP = ROOT / "examples" / "shop"


def flask_lsp(
    *args: str, cwd: Path = ROOT, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    script = Path(sys.executable).parent / "flask-lsp"
    command = [str(script)] if script.exists() else [sys.executable, "-m", "flask_lsp"]
    return subprocess.run(
        [*command, *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {}), "NO_COLOR": ""},
        timeout=120,
    )


def test_check_the_bundled_example_prints_the_expected_findings() -> None:
    from tests.expectations import expected

    result = flask_lsp("check", "examples/shop")
    assert result.returncode == 1, result.stderr
    lines = [line for line in result.stdout.splitlines() if ": FL" in line]
    found = set()
    for line in lines:
        location, code = line.split(" ")[0:2]
        path, number, _column, _ = location.split(":")
        assert path.startswith("examples/shop/"), "paths are relative to the current folder"
        found.add((Path(path).name, int(number), code))
    assert found == expected(sorted(SHOP.rglob("*.py")))
    assert "Found 6 problems" in result.stdout
    assert "flask-lsp explain" in result.stdout
    assert "\033[" not in result.stdout, "no colour when not on a terminal"


def test_json_contract() -> None:
    result = flask_lsp("check", "examples/shop", "--format", "json")
    assert result.returncode == 1
    findings = json.loads(result.stdout)
    assert findings, "findings expected"
    for finding in findings:
        assert set(finding) == {
            "path", "line", "column", "end_line", "end_column", "code", "severity", "message", "fix",
        }  # fmt: skip
        assert finding["line"] >= 1 and finding["column"] >= 1
        assert finding["severity"] in {"error", "warning", "information", "hint"}
        assert not Path(finding["path"]).is_absolute()
    fixed = [f for f in findings if f["fix"] is not None]
    assert fixed
    for finding in fixed:
        assert set(finding["fix"]) == {"title", "edits"}
        for edit in finding["fix"]["edits"]:
            assert set(edit) == {"path", "line", "column", "end_line", "end_column", "new_text"}


def test_factory_finding_json_positions() -> None:
    result = flask_lsp(
        "check", "examples/shop/shop/__init__.py", "--format", "json", "--select", "FL102"
    )
    (finding,) = json.loads(result.stdout)
    assert finding == {
        "path": "examples/shop/shop/__init__.py",
        "line": 11,
        "column": 5,
        "end_line": 11,
        "end_column": 16,
        "code": "FL102",
        "severity": "error",
        "message": "`current_app` needs an application context, but this runs in app factory "
        "`create_app`, which runs before Flask pushes any context",
        "fix": {
            "title": "Wrap in `with app.app_context():`",
            "edits": [
                {
                    "path": "examples/shop/shop/__init__.py",
                    "line": 11,
                    "column": 1,
                    "end_line": 11,
                    "end_column": 57,
                    "new_text": "    with app.app_context():\n"
                    '        current_app.logger.info("starting")  # expect: FL102',
                }
            ],
        },
    }


def test_clean_code_exits_zero(tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text(
        "from flask import Flask, request\n\napp = Flask(__name__)\n\n\n"
        "@app.route('/')\ndef index():\n    return request.args.get('q', '')\n"
    )
    result = flask_lsp("check", str(tmp_path))
    assert result.returncode == 0
    assert "No Flask problems in 1 file" in result.stdout


def test_check_in_process_leaves_the_garbage_collector_as_it_was(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A check turns the cyclic GC off while it runs (see cli._no_cyclic_gc), never for good:
    a program calling `main()` keeps its collector."""
    import gc

    from flask_lsp.cli import main

    assert gc.isenabled()
    assert main(["check", str(SHOP), "--jobs", "1", "--no-progress"]) == 1
    assert "Found 6 problems" in capsys.readouterr().out
    assert gc.isenabled()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["check", "no/such/folder"], "no such file or folder: no/such/folder."),
        (["check", "--select", "FL999", "examples/shop"], "Unknown rule code `FL999` in `select`"),
        (["explain", "FL999"], "unknown rule code `FL999`; run `flask-lsp explain --list`"),
        (["check", "--format", "xml"], "invalid choice: 'xml'"),
    ],
)
def test_usage_errors_exit_2_with_one_sentence(args: list[str], message: str) -> None:
    result = flask_lsp(*args)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_select_and_ignore_prefixes() -> None:
    only_threads = flask_lsp("check", "examples/shop", "--select", "FL104", "--format", "json")
    assert {f["code"] for f in json.loads(only_threads.stdout)} == {"FL104"}
    no_fl1 = flask_lsp("check", "examples/shop", "--ignore", "FL1")
    assert no_fl1.returncode == 0


TUTORIAL_LOGIN = """\
from flask import Flask, request

app = Flask(__name__)
app.config.from_mapping(SECRET_KEY="dev")


@app.post("/login")
def login():
    return request.form["username"]


@app.post("/api/login")
def api_login():
    return request.json["username"]


@app.route("/profile")
def profile():
    return request.cookies.get("theme"), app.make_response("x").set_cookie("theme", "dark")
"""


@pytest.mark.parametrize(
    ("select", "codes"),
    [
        (None, set()),  # the default set: Flask's own idioms are opinions
        ("FL", set()),
        ("FL3,FL4", set()),  # a prefix selects only the default rules under it
        ("FL304", {"FL304"}),  # a full code selects an opt-in rule
        ("opinion", {"FL304", "FL401", "FL407"}),
        ("FL,OPINION", {"FL304", "FL401", "FL407"}),
        ("ALL", {"FL304", "FL401", "FL407"}),
    ],
)
def test_the_opt_in_group(tmp_path: Path, select: str | None, codes: set[str]) -> None:
    (tmp_path / "app.py").write_text(TUTORIAL_LOGIN)
    args = ["check", ".", "--format", "json"] + (["--select", select] if select else [])
    result = flask_lsp(*args, cwd=tmp_path)
    assert {f["code"] for f in json.loads(result.stdout)} == codes


def test_ignore_beats_a_group_selector(tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text(TUTORIAL_LOGIN)
    result = flask_lsp(
        "check", ".", "--format", "json", "--select", "ALL", "--ignore", "FL4", cwd=tmp_path
    )
    assert {f["code"] for f in json.loads(result.stdout)} == {"FL304"}


def test_explain_names_the_group() -> None:
    assert "Group: opinion (opt-in" in flask_lsp("explain", "FL407").stdout
    assert "Group: default" in flask_lsp("explain", "FL101").stdout


def test_pyproject_configuration(tmp_path: Path) -> None:
    shutil.copytree(SHOP, tmp_path / "shop_project")
    project = tmp_path / "shop_project"
    (project / "pyproject.toml").write_text(
        '[tool.flask-lsp]\nignore = ["FL101", "FL103"]\nseverity = { FL105 = "hint" }\n'
        'exclude = ["views.py"]\n'
    )
    result = flask_lsp("check", ".", "--format", "json", cwd=project)
    findings = json.loads(result.stdout)
    assert {(f["code"], f["severity"]) for f in findings} == {("FL102", "error"), ("FL105", "hint")}


def test_malformed_pyproject_is_one_sentence(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.flask-lsp]\nselect = 3\ncolour = true\n")
    (tmp_path / "app.py").write_text("x = 1\n")
    result = flask_lsp("check", ".", cwd=tmp_path)
    assert result.returncode == 2
    assert "`select` in [tool.flask-lsp]" in result.stderr
    assert "must be a list of strings, not a number" in result.stderr
    assert "Unknown setting `colour`" in result.stderr
    assert "Traceback" not in result.stderr


def test_skips_virtualenvs_and_vendored_folders(tmp_path: Path) -> None:
    bad = "from flask import request\nX = request.args\n"
    for folder in (".venv/lib", "venv", "node_modules/pkg", ".git", "lib/site-packages"):
        (tmp_path / folder).mkdir(parents=True)
        (tmp_path / folder / "bad.py").write_text(bad)
    (tmp_path / "mine.py").write_text(bad)
    findings = json.loads(flask_lsp("check", ".", "--format", "json", cwd=tmp_path).stdout)
    assert [f["path"] for f in findings] == ["mine.py"]


def test_explain_prints_the_rule() -> None:
    result = flask_lsp("explain", "fl101")
    assert result.returncode == 0
    assert result.stdout.startswith("FL101 request-outside-request-context")
    assert "Working outside of request context." in result.stdout
    listing = flask_lsp("explain", "--list")
    assert "FL105" in listing.stdout


def test_help_teaches() -> None:
    result = flask_lsp("--help")
    assert "flask-lsp check" in result.stdout and "examples:" in result.stdout
    check_help = flask_lsp("check", "--help")
    assert "Exit status" in check_help.stdout


def test_color_on_request() -> None:
    result = flask_lsp("check", "examples/shop", "--color", "always")
    assert "\033[" in result.stdout


def test_version() -> None:
    from flask_lsp import __version__

    assert flask_lsp("--version").stdout.strip() == f"flask-lsp {__version__}"


def test_terminal_gets_colour_and_a_progress_line(tmp_path: Path) -> None:
    """On a TTY: a self-rewriting progress line on stderr and coloured findings."""
    import pty

    for number in range(30):
        (tmp_path / f"module_{number}.py").write_text("from flask import g\n\nVALUE = g.value\n")
    main, secondary = pty.openpty()
    script = Path(sys.executable).parent / "flask-lsp"
    process = subprocess.Popen(
        [str(script), "check", "."],
        cwd=tmp_path,
        stdout=secondary,
        stderr=secondary,
        env={k: v for k, v in os.environ.items() if k not in ("NO_COLOR", "FORCE_COLOR")},
    )
    os.close(secondary)
    output = b""
    while True:
        try:
            chunk = os.read(main, 65536)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    process.wait(60)
    os.close(main)
    text = output.decode()
    assert process.returncode == 1
    assert "Checking 30/30 files" in text or "Indexing 30/30 files" in text
    assert "\033[" in text
    assert "Found 30 problems" in text
