#!/usr/bin/env python3
"""Generate realistic Flask workspaces and modules for benchmarks and soak tests.

Everything here is deterministic: the same ``seed`` and size always give byte-identical files,
so figures from two runs (or two machines) are measured on the same code.

A generated workspace looks like a real application of the factory pattern::

    pyproject.toml
    wsgi.py                      create_app() + a dev-server entry point
    genapp/__init__.py           create_app(): registers every blueprint with a url_prefix
    genapp/config.py             config classes
    genapp/extensions.py         extensions bound later with init_app()
    genapp/bp_0001/__init__.py   bp = Blueprint("bp_0001", __name__)
    genapp/bp_0001/views.py      routes, url_for between them, request data
    genapp/bp_0001/helpers.py    plain helpers, background jobs
    genapp/bp_0001/forms.py      data classes and validation
    genapp/common/util_0001.py   filler modules when the file count is not a multiple of 4

Findings are spread through it at a fixed rate (about one module in five has one): module-level
``request`` use, ``current_app`` inside a thread target, ``app.run(debug=True)`` at import time,
a literal ``SECRET_KEY``, ``url_for`` of an endpoint that does not exist, a route repeating its
blueprint's prefix, ``request.form["k"]`` indexing, ``request.args.get("page", 1)``, ``return
json.dumps(...)``. ``FINDING_KINDS`` lists them; :class:`Workspace` records where each went.

Usable as a library (``generate_workspace``, ``generate_module``) and as a command::

    python scripts/genworkspace.py workspace DEST --files 1000 [--seed 7]
    python scripts/genworkspace.py module DEST.py --lines 3000 [--seed 7]
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

FINDING_KINDS = (
    "module-level-request",
    "current-app-in-thread",
    "run-debug-at-import",
    "literal-secret-key",
    "unknown-endpoint",
    "repeated-prefix",
    "form-indexing",
    "args-default-int",
    "json-dumps-return",
)

# About one generated module in FINDING_RATE gets a finding.
FINDING_RATE = 5

WORDS = [
    "user",
    "account",
    "order",
    "invoice",
    "item",
    "product",
    "report",
    "ticket",
    "comment",
    "note",
    "project",
    "task",
    "event",
    "message",
    "album",
    "photo",
    "tag",
    "category",
    "review",
    "payment",
    "shipment",
    "address",
    "session",
    "token",
    "device",
]


@dataclass(frozen=True)
class Position:
    """A 0-based LSP position in a generated file, with what is found there."""

    line: int
    character: int
    what: str


@dataclass
class Module:
    """A generated module: its text and the positions a benchmark can aim requests at."""

    text: str
    hovers: list[Position] = field(default_factory=list)
    completions: list[Position] = field(default_factory=list)
    findings: list[Position] = field(default_factory=list)
    edit_sites: list[Position] = field(default_factory=list)

    @property
    def line_count(self) -> int:
        return self.text.count("\n")


@dataclass
class Workspace:
    """A generated workspace on disk."""

    root: Path
    files: list[Path]
    lines: int
    findings: dict[str, list[str]]  # kind -> ["relative/path.py:line", ...]
    big: Module | None = None  # the large module, when one was asked for
    big_path: Path | None = None


# --------------------------------------------------------------------------------------------
# Building blocks
# --------------------------------------------------------------------------------------------


def _view_block(
    rng: random.Random,
    bp: str,
    index: int,
    endpoints: list[str],
    finding: str | None,
    prefix: str,
) -> list[str]:
    """One view function (10-25 lines), optionally carrying a finding."""
    noun = rng.choice(WORDS)
    name = f"{noun}_view_{index:04d}"
    rule = f"/{noun}s-{index:04d}/<int:item_id>"
    if finding == "repeated-prefix":
        rule = f"{prefix}{rule}"
    methods = '["GET", "POST"]' if finding != "form-indexing" else '["GET"]'
    target = rng.choice(endpoints) if endpoints else f"{bp}.{name}"
    if finding == "unknown-endpoint":
        target = f"{bp}.no_such_view_{index:04d}"
    lines = [
        "",
        "",
        f'@{bp}.route("{rule}", methods={methods})',
        f"def {name}(item_id: int) -> Any:",
        f'    """Show or update {noun} number ``item_id``."""',
        '    query = request.args.get("q", "")',
    ]
    if finding == "args-default-int":
        lines.append('    page = request.args.get("page", 1)')
    else:
        lines.append('    page = request.args.get("page", 1, type=int)')
    if finding == "form-indexing":
        lines += [
            '    if request.method == "POST":',
            '        title = request.form["title"]',
            '        flash(f"saved {title}")',
        ]
    else:
        lines += [
            '    if request.method == "POST":',
            '        title = request.form.get("title", "")',
            '        flash(f"saved {title}")',
        ]
    lines += [
        f'        return redirect(url_for("{target}", item_id=item_id))',
        '    data = {"id": item_id, "q": query, "page": page, ' + f'"label": "{noun} {index}"}}',
    ]
    for k in range(rng.randint(0, 8)):
        lines.append(f'    data["extra_{k}"] = len(query) * {k} + item_id')
    if finding == "json-dumps-return":
        lines.append("    return json.dumps(data)")
    else:
        lines.append("    return jsonify(data)")
    return lines


def _helper_block(rng: random.Random, index: int, finding: str | None) -> list[str]:
    """A plain helper (and, for one finding, a thread target that uses current_app)."""
    noun = rng.choice(WORDS)
    lines = [
        "",
        "",
        f"def summarise_{noun}_{index:04d}(values: list[int]) -> dict[str, int]:",
        f'    """Aggregate {noun} counters."""',
        "    total = 0",
        "    peak = 0",
        "    for value in values:",
        "        total += value",
        "        peak = max(peak, value)",
        '    return {"total": total, "peak": peak, "count": len(values)}',
    ]
    if finding == "current-app-in-thread":
        lines += [
            "",
            "",
            f"def _refresh_{noun}_{index:04d}(item_id: int) -> None:",
            f'    current_app.logger.info("refreshing {noun} %s", item_id)',
            "",
            "",
            f"def start_refresh_{noun}_{index:04d}(item_id: int) -> None:",
            f"    worker = threading.Thread(target=_refresh_{noun}_{index:04d}, args=(item_id,))",
            "    worker.start()",
        ]
    return lines


def _pick_finding(rng: random.Random, allowed: tuple[str, ...]) -> str | None:
    if rng.randrange(FINDING_RATE) != 0:
        return None
    return rng.choice(allowed)


VIEW_FINDINGS = (
    "unknown-endpoint",
    "repeated-prefix",
    "form-indexing",
    "args-default-int",
    "json-dumps-return",
)

VIEW_IMPORTS = [
    "import json",
    "from typing import Any",
    "",
    "from flask import flash, jsonify, redirect, request, url_for",
    "",
]


# --------------------------------------------------------------------------------------------
# A single large module (for the editing benchmark)
# --------------------------------------------------------------------------------------------


def generate_module(lines: int = 3000, seed: int = 7, blueprint: str = "big") -> Module:
    """A self-contained blueprint module of about ``lines`` lines.

    It holds a module-level ``request`` use near the top (a finding that stays put while the
    benchmark types), views that ``url_for`` each other, helpers and one thread target.
    ``edit_sites`` are positions inside string literals in the middle of the file: typing there
    keeps the module valid Python, so every edit is analysed in full.
    """
    rng = random.Random(seed)
    out: list[str] = [
        f'"""Generated Flask blueprint module ({lines} lines, seed {seed})."""',
        "",
        "import json",
        "import threading",
        "from typing import Any",
        "",
        "from flask import Blueprint, current_app, flash, jsonify, redirect, request, url_for",
        "",
        f'{blueprint} = Blueprint("{blueprint}", __name__, url_prefix="/{blueprint}")',
        "",
        "# Finding: the request proxy used at import time.",
        'DEFAULT_QUERY = request.args.get("q", "")',
    ]
    module = Module(text="")
    module.findings.append(Position(len(out) - 1, 16, "module-level-request"))
    endpoints: list[str] = []
    index = 0
    while len(out) < lines - 12:
        index += 1
        if index % 4 == 0:
            finding = "current-app-in-thread" if index == 8 else None
            block = _helper_block(rng, index, finding)
            start = len(out)
            out += block
            if finding:
                for k, text in enumerate(block):
                    if "current_app.logger" in text:
                        col = text.index("current_app")
                        module.findings.append(Position(start + k, col, finding))
            continue
        start = len(out)
        block = _view_block(rng, blueprint, index, endpoints, None, f"/{blueprint}")
        out += block
        for k, text in enumerate(block):
            row = start + k
            if text.startswith("def "):
                module.hovers.append(Position(row, 4, "view function name"))
                endpoints.append(f"{blueprint}.{text[4 : text.index('(')]}")
            elif text.startswith(f"@{blueprint}.route"):
                module.hovers.append(Position(row, len(blueprint) + 2, "route decorator"))
            elif "url_for(" in text:
                col = text.index("url_for(")
                module.hovers.append(Position(row, col + 2, "url_for call"))
                module.completions.append(Position(row, col + len('url_for("'), "url_for('"))
            elif "request.args" in text:
                module.hovers.append(Position(row, text.index("request") + 3, "request proxy"))
            elif '"label": "' in text:
                col = text.index('"label": "') + len('"label": "')
                module.edit_sites.append(Position(row, col, "string literal in a view"))
    out += [
        "",
        "",
        'if __name__ == "__main__":',
        "    from flask import Flask",
        "",
        "    app = Flask(__name__)",
        f"    app.register_blueprint({blueprint})",
        "    # Finding: debug server switched on in code.",
        "    app.run(debug=True)",
    ]
    module.findings.append(Position(len(out) - 1, 4, "run-debug"))
    module.text = "\n".join(out) + "\n"
    return module


# --------------------------------------------------------------------------------------------
# A whole workspace
# --------------------------------------------------------------------------------------------


class _Writer:
    def __init__(self, root: Path, budget: int) -> None:
        self.root = root
        self.budget = budget
        self.files: list[Path] = []
        self.lines = 0
        self.findings: dict[str, list[str]] = {kind: [] for kind in FINDING_KINDS}

    @property
    def left(self) -> int:
        return self.budget - len(self.files)

    def write(self, rel: str, lines: list[str]) -> None:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        text = "\n".join(lines) + "\n"
        path.write_text(text, encoding="utf-8")
        self.files.append(path)
        self.lines += text.count("\n")

    def mark(self, kind: str, rel: str, lines: list[str], needle: str) -> None:
        for number, text in enumerate(lines, start=1):
            if needle in text:
                self.findings[kind].append(f"{rel}:{number}")
                return


def _blueprint_package(w: _Writer, rng: random.Random, number: int) -> None:
    bp = f"bp_{number:04d}"
    pkg = f"genapp/{bp}"
    prefix = f"/{rng.choice(WORDS)}-{number:04d}"
    w.write(
        f"{pkg}/__init__.py",
        [
            f'"""Blueprint {bp}."""',
            "",
            "from flask import Blueprint",
            "",
            f'{bp} = Blueprint("{bp}", __name__, template_folder="templates")',
            "",
            "from . import views  # noqa: E402,F401  (registers the routes)",
        ],
    )
    # views.py
    lines = [f'"""Views of {bp}."""', "", *VIEW_IMPORTS, f"from . import {bp}"]
    lines.insert(2, "from __future__ import annotations")
    lines.insert(3, "")
    endpoints: list[str] = []
    marks: list[tuple[str, str]] = []
    for k in range(rng.randint(3, 7)):
        finding = _pick_finding(rng, VIEW_FINDINGS)
        block = _view_block(rng, bp, number * 10 + k, endpoints, finding, prefix)
        for text in block:
            if text.startswith("def "):
                endpoints.append(f"{bp}.{text[4 : text.index('(')]}")
        if finding:
            needle = {
                "unknown-endpoint": "no_such_view",
                "repeated-prefix": f'route("{prefix}/',
                "form-indexing": 'request.form["',
                "args-default-int": '"page", 1)',
                "json-dumps-return": "json.dumps(",
            }[finding]
            marks.append((finding, needle))
        lines += block
    w.write(f"{pkg}/views.py", lines)
    for kind, needle in marks:
        w.mark(kind, f"{pkg}/views.py", lines, needle)
    if w.left <= 0:
        return
    # helpers.py
    finding = _pick_finding(rng, ("module-level-request", "current-app-in-thread"))
    lines = [
        f'"""Helpers of {bp}."""',
        "",
        "from __future__ import annotations",
        "",
        "import threading",
        "",
        "from flask import current_app, request",
        "",
    ]
    if finding == "module-level-request":
        lines += [
            "# Finding: the request proxy at import time.",
            'LOCALE = request.args.get("lang")',
        ]
    else:
        lines += ['LOCALE = "en"']
    for k in range(rng.randint(2, 5)):
        lines += _helper_block(rng, number * 10 + k, finding if k == 0 else None)
    lines += [
        "",
        "",
        "def current_locale() -> str:",
        '    return request.args.get("lang", LOCALE) or LOCALE',
    ]
    w.write(f"{pkg}/helpers.py", lines)
    if finding == "module-level-request":
        w.mark(finding, f"{pkg}/helpers.py", lines, "LOCALE = request")
    elif finding == "current-app-in-thread":
        w.mark(finding, f"{pkg}/helpers.py", lines, "current_app.logger")
    if w.left <= 0:
        return
    # forms.py
    noun = rng.choice(WORDS)
    cls = noun.capitalize()
    lines = [
        f'"""Validation for {bp}."""',
        "",
        "from __future__ import annotations",
        "",
        "from dataclasses import dataclass, field",
        "",
        "",
        "@dataclass",
        f"class {cls}Form:",
        "    title: str",
        '    body: str = ""',
        "    tags: list[str] = field(default_factory=list)",
        "",
        "    def errors(self) -> list[str]:",
        "        problems = []",
        "        if not self.title.strip():",
        '            problems.append("title is required")',
        f"        if len(self.body) > {rng.randint(200, 5000)}:",
        '            problems.append("body is too long")',
        "        return problems",
    ]
    w.write(f"{pkg}/forms.py", lines)


def generate_workspace(
    root: Path | str, files: int = 1000, seed: int = 7, big_lines: int = 0
) -> Workspace:
    """Write a workspace of exactly ``files`` Python files under ``root`` (emptied first).

    With ``big_lines``, one of those files is ``genapp/big_views.py``, a module of that many
    lines from :func:`generate_module` whose blueprint ``create_app()`` registers.
    """
    if files < 1:
        raise ValueError("a workspace needs at least one file")
    root = Path(root)
    if root.exists():
        shutil.rmtree(root)
    root.mkdir(parents=True)
    (root / "pyproject.toml").write_text(
        f'[project]\nname = "genapp-{seed}"\nversion = "0.0.1"\ndependencies = ["flask"]\n',
        encoding="utf-8",
    )
    rng = random.Random(seed)
    w = _Writer(root, files)
    # 4 fixed modules, then blueprint packages of 4 modules, then filler to the exact count.
    fixed = 5 if big_lines else 4
    n_bp = max(0, (files - fixed) // 4)
    registered = list(range(1, n_bp + 1))
    factory = [
        '"""Application factory."""',
        "",
        "from __future__ import annotations",
        "",
        "from typing import Any",
        "",
        "from flask import Flask",
        "",
        "from .extensions import cache",
        "",
        "",
        "def create_app(overrides: dict[str, Any] | None = None) -> Flask:",
        "    app = Flask(__name__)",
        '    app.config.from_object("genapp.config.Config")',
        "    app.config.from_mapping(overrides or {})",
        "    cache.init_app(app)",
    ]
    if big_lines:
        factory += [
            "    from .big_views import big",
            '    app.register_blueprint(big, url_prefix="/big")',
        ]
    for n in registered:
        factory.append(f"    from .bp_{n:04d} import bp_{n:04d}")
        factory.append(
            f'    app.register_blueprint(bp_{n:04d}, url_prefix="/{rng.choice(WORDS)}-{n:04d}")'
        )
    factory.append("    return app")
    w.write("genapp/__init__.py", factory)
    if w.left > 0:
        secret = rng.randrange(FINDING_RATE) == 0
        lines = [
            '"""Configuration."""',
            "",
            "import os",
            "",
            "",
            "class Config:",
            (
                '    SECRET_KEY = "dev"  # Finding: literal secret key'
                if secret
                else '    SECRET_KEY = os.environ.get("SECRET_KEY", "")'
            ),
            '    SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL", "sqlite://")',
            "    JSON_SORT_KEYS = False",
            "",
            "",
            "class TestingConfig(Config):",
            "    TESTING = True",
        ]
        w.write("genapp/config.py", lines)
        if secret:
            w.mark("literal-secret-key", "genapp/config.py", lines, "SECRET_KEY =")
    if w.left > 0:
        w.write(
            "genapp/extensions.py",
            [
                '"""Extensions, bound to the app in create_app()."""',
                "",
                "from typing import Any",
                "",
                "",
                "class Cache:",
                "    def __init__(self) -> None:",
                "        self.store: dict[str, Any] = {}",
                "",
                "    def init_app(self, app: Any) -> None:",
                '        app.extensions["cache"] = self',
                "",
                "",
                "cache = Cache()",
            ],
        )
    if w.left > 0:
        lines = [
            '"""WSGI entry point."""',
            "",
            "from genapp import create_app",
            "",
            "app = create_app()",
            "# Finding: the dev server, with the debugger, started at import time.",
            'app.run(host="127.0.0.1", debug=True)',
        ]
        w.write("wsgi.py", lines)
        w.mark("run-debug-at-import", "wsgi.py", lines, "app.run(")
    big: Module | None = None
    big_path: Path | None = None
    if big_lines and w.left > 0:
        big = generate_module(big_lines, seed)
        big_path = root / "genapp/big_views.py"
        w.write("genapp/big_views.py", big.text.splitlines())
    for n in registered:
        if w.left <= 0:
            break
        _blueprint_package(w, rng, n)
    if w.left > 0:
        w.write("genapp/common/__init__.py", ['"""Shared utilities."""'])
    filler = 0
    while w.left > 0:
        filler += 1
        lines = [f'"""Shared utilities ({filler})."""', "", "from __future__ import annotations"]
        for k in range(rng.randint(2, 6)):
            lines += _helper_block(rng, 9000 + filler * 10 + k, None)
        w.write(f"genapp/common/util_{filler:04d}.py", lines)
    return Workspace(
        root=root, files=w.files, lines=w.lines, findings=w.findings, big=big, big_path=big_path
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    ws = sub.add_parser("workspace", help="write a workspace of N Python files")
    ws.add_argument("dest", type=Path)
    ws.add_argument("--files", type=int, default=1000)
    ws.add_argument("--seed", type=int, default=7)
    ws.add_argument("--big-lines", type=int, default=0, help="include a module this large")
    mod = sub.add_parser("module", help="write one large Flask module")
    mod.add_argument("dest", type=Path)
    mod.add_argument("--lines", type=int, default=3000)
    mod.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    if args.command == "workspace":
        result = generate_workspace(args.dest, args.files, args.seed, args.big_lines)
        count = sum(len(v) for v in result.findings.values())
        print(
            f"{len(result.files)} files, {result.lines} lines, {count} planted findings "
            f"in {result.root}"
        )
    else:
        module = generate_module(args.lines, args.seed)
        args.dest.parent.mkdir(parents=True, exist_ok=True)
        args.dest.write_text(module.text, encoding="utf-8")
        print(f"{module.line_count} lines in {args.dest}")
    return 0


def byte_compile_flask_lsp() -> None:
    """Write flask-lsp's `.pyc` files, as `pip install` does for an installed package: an
    editable install under PYTHONDONTWRITEBYTECODE (set on some machines) would otherwise
    compile every module from source at each start. (Shared by the benchmarks.)"""
    import compileall

    import flask_lsp

    compileall.compile_dir(str(Path(flask_lsp.__file__).parent), quiet=1)


if __name__ == "__main__":
    sys.exit(main())
