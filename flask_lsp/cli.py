"""`flask-lsp`: the language server (no arguments), `check`, `explain`."""

from __future__ import annotations

import argparse
import contextlib
import gc
import json
import logging
import os
import sys
import textwrap
from collections.abc import Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from flask_lsp import __version__

if TYPE_CHECKING:
    from flask_lsp.analysis.findings import Finding
    from flask_lsp.config import Settings

EPILOG = """\
examples:
  flask-lsp                         run the language server on stdio (what editors start)
  flask-lsp check                   check the current folder
  flask-lsp check app/ --format json
  flask-lsp check --select FL1 --ignore FL105
  flask-lsp explain FL101           why a finding matters and how to fix it
  flask-lsp explain --list          every rule

configuration: [tool.flask-lsp] in pyproject.toml (select, ignore, exclude, severity).
"""


class UsageError(Exception):
    """One plain sentence for the user; exit status 2."""


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "check":
            return _check(args)
        if args.command == "explain":
            return _explain(args)
        if args.command is not None and hasattr(args, "handler"):
            return int(args.handler(args))
        return _serve(args)
    except UsageError as error:
        print(f"flask-lsp: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `flask-lsp check | head`
        sys.stderr.close()
        return 1


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="flask-lsp",
        description="Catch Flask mistakes while you type: a language server and a checker.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"flask-lsp {__version__}")
    server = parser.add_argument_group("language server (no command)")
    transport = server.add_mutually_exclusive_group()
    transport.add_argument(
        "--tcp",
        nargs="?",
        const="127.0.0.1:2087",
        metavar="HOST:PORT",
        help="serve over TCP instead of stdio (default 127.0.0.1:2087)",
    )
    transport.add_argument(
        "--ws",
        nargs="?",
        const="127.0.0.1:2088",
        metavar="HOST:PORT",
        help="serve over WebSocket (default 127.0.0.1:2088)",
    )
    server.add_argument("--log-file", metavar="FILE", help="write the server's log to FILE")
    server.add_argument(
        "-v", "--verbose", action="count", default=0, help="more logging (-vv: debug)"
    )

    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    check = commands.add_parser(
        "check",
        help="check files and folders for Flask mistakes",
        description="Check Python files for Flask mistakes. Exit status: 0 no findings, "
        "1 findings, 2 usage or configuration error.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n  flask-lsp check\n  flask-lsp check src/ tests/ --ignore FL105\n"
        "  flask-lsp check --format json > findings.json",
    )
    check.add_argument("paths", nargs="*", type=Path, help="files or folders (default: .)")
    check.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    check.add_argument(
        "--select", metavar="CODES", help="comma-separated code prefixes to enable (FL1,FL201)"
    )
    check.add_argument("--ignore", metavar="CODES", help="comma-separated code prefixes to disable")
    check.add_argument(
        "--exclude", metavar="GLOBS", help="comma-separated globs to skip, added to config"
    )
    check.add_argument(
        "--color",
        choices=("auto", "always", "never"),
        default="auto",
        help="colour the output (auto: only on a terminal, and not with NO_COLOR)",
    )
    check.add_argument(
        "--no-progress", action="store_true", help="no progress line on the terminal"
    )
    check.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=0,
        metavar="N",
        help="processes to check with (default: one per CPU, up to 8; 1: this process only)",
    )
    check.add_argument("-q", "--quiet", action="store_true", help="print findings only, no summary")

    explain = commands.add_parser(
        "explain",
        help="explain a rule: why it fails at run time and how to fix it",
        description="Print a rule's full explanation.",
    )
    explain.add_argument("code", nargs="?", help="a rule code, e.g. FL101")
    explain.add_argument("--list", action="store_true", help="list every rule")
    _add_plugin_commands(commands)
    return parser


def _add_plugin_commands(commands: Any) -> None:
    """Commands that live in their own modules (e.g. `routes`) register themselves here."""
    import importlib

    try:
        module = importlib.import_module("flask_lsp.cli_routes")
    except ImportError:
        return
    module.add_parser(commands)


# -- server ---------------------------------------------------------------------------------------


def _serve(args: argparse.Namespace) -> int:
    level = logging.WARNING - 10 * min(args.verbose, 2)
    handler: logging.Handler = (
        logging.FileHandler(args.log_file, encoding="utf-8")
        if args.log_file
        else logging.StreamHandler(sys.stderr)
    )
    logging.basicConfig(
        level=level, handlers=[handler], format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    from flask_lsp.startup import cached_generated_code

    with cached_generated_code():
        from flask_lsp.server import create_server

    server = create_server()
    if args.tcp:
        host, port = _host_port(args.tcp, 2087)
        server.start_tcp(host, port)
    elif args.ws:
        host, port = _host_port(args.ws, 2088)
        server.start_ws(host, port)
    else:
        server.start_io()
    return 0


def _host_port(value: str, default_port: int) -> tuple[str, int]:
    host, _, port = value.rpartition(":") if ":" in value else (value, "", str(default_port))
    try:
        return host or "127.0.0.1", int(port)
    except ValueError:
        raise UsageError(f"`{value}` is not HOST:PORT (for example 127.0.0.1:2087).") from None


# -- check ----------------------------------------------------------------------------------------


def _codes(value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    return tuple(code.strip().upper() for code in value.split(",") if code.strip())


def load_cli_settings(args: argparse.Namespace, start: Path) -> Any:
    from flask_lsp.config import Settings, find_pyproject, load_pyproject, settings_from_mapping

    settings = Settings()
    pyproject = find_pyproject(start)
    if pyproject is not None:
        loaded = load_pyproject(pyproject)
        if loaded.errors:
            raise UsageError(" ".join(loaded.errors))
        settings = loaded.settings
    overrides: dict[str, Any] = {}
    for key in ("select", "ignore"):
        codes = _codes(getattr(args, key, None))
        if codes is not None:
            overrides[key] = list(codes)
    if overrides:
        loaded = settings_from_mapping(overrides, "the command line", settings)
        if loaded.errors:
            raise UsageError(" ".join(e.replace(" (the command line)", "") for e in loaded.errors))
        settings = loaded.settings
    extra = getattr(args, "exclude", None)
    if extra:
        settings = replace(
            settings, exclude=settings.exclude + tuple(p.strip() for p in extra.split(","))
        )
    return settings


def _check(args: argparse.Namespace) -> int:
    from flask_lsp.engine.parallel import default_jobs

    paths: list[Path] = args.paths or [Path(".")]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        raise UsageError(f"no such file or folder: {', '.join(missing)}.")
    settings = load_cli_settings(args, paths[0].resolve())
    progress = _Progress(enabled=not args.no_progress and sys.stderr.isatty())
    jobs = args.jobs if args.jobs > 0 else default_jobs()
    with _no_cyclic_gc():
        files, per_file = _findings_per_file(paths, settings, jobs, progress)
    findings = [finding for path in files for finding in per_file[path]]
    progress.clear()
    if args.format == "json":
        json.dump([_json_finding(f) for f in findings], sys.stdout, indent=2, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        _print_text(
            findings, len(files), _use_color(args.color, sys.stdout), args.quiet, sys.stdout
        )
    return 1 if findings else 0


@contextlib.contextmanager
def _no_cyclic_gc() -> Iterator[None]:
    """A check allocates millions of long-lived AST nodes and facts, and the cyclic GC would
    rescan them over and over (a sixth of the CPU of a check, more the larger the project) to
    find almost nothing: the analysis makes reference cycles only by accident (420 objects
    over the 1,670-file benchmark corpus). Reference counting frees the rest."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _findings_per_file(
    paths: list[Path], settings: Settings, jobs: int, progress: _Progress
) -> tuple[list[str], dict[str, list[Finding]]]:
    """The files checked, in order, and the findings of each."""
    from flask_lsp.engine.checker import Project
    from flask_lsp.engine.parallel import check_parallel

    # Up to 400,000 lines of parsed modules (~1.3 KB a line, mostly the ASTs) stay in memory
    # between indexing and checking, so that files are parsed once (a second parse costs as
    # much as the rules); larger projects parse the rest again.
    project = Project(settings, keep_parsed_lines=400_000)
    outcome = check_parallel(project, project.python_files(paths), jobs, progress.update)
    if outcome is not None:
        return outcome
    files = project.index_paths(paths, progress.update)
    # Check the most recently indexed files first: they are the ones still parsed.
    per_file = {}
    for number, path in enumerate(reversed(files), 1):
        progress.update(number, len(files), path, verb="Checking")
        per_file[path] = project.findings(path)
    return files, per_file


class _Progress:
    """A single self-rewriting line on stderr, only on a terminal."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self.shown = False

    def update(self, number: int, total: int, path: str, verb: str = "Indexing") -> None:
        if not self.enabled or total < 20 or (number % 10 and number != total):
            return
        line = f"{verb} {number}/{total} files… {_display_path(str(path))}"
        width = max(os.get_terminal_size(sys.stderr.fileno()).columns - 1, 20)
        sys.stderr.write("\r" + line[:width].ljust(width))
        sys.stderr.flush()
        self.shown = True

    def clear(self) -> None:
        if self.shown:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()


def _display_path(path: str) -> str:
    try:
        relative = os.path.relpath(path)
    except ValueError:
        return path
    return path if relative.startswith("..") else relative


def _json_finding(finding: Any) -> dict[str, Any]:
    span = finding.span
    fix = None
    if finding.fix is not None:
        fix = {
            "title": finding.fix.title,
            "edits": [
                {
                    "path": _display_path(edit.path or finding.path),
                    "line": edit.span.start_line + 1,
                    "column": edit.span.start_col + 1,
                    "end_line": edit.span.end_line + 1,
                    "end_column": edit.span.end_col + 1,
                    "new_text": edit.new_text,
                }
                for edit in finding.fix.edits
            ],
        }
    return {
        "path": _display_path(finding.path),
        "line": span.start_line + 1,
        "column": span.start_col + 1,
        "end_line": span.end_line + 1,
        "end_column": span.end_col + 1,
        "code": finding.code,
        "severity": finding.severity.label,
        "message": finding.message,
        "fix": fix,
    }


_COLORS = {
    "error": "31",
    "warning": "33",
    "information": "36",
    "hint": "2",
    "path": "1",
    "code": "1;31",
}


def _use_color(choice: str, stream: TextIO) -> bool:
    if choice != "auto":
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return stream.isatty() and os.environ.get("TERM") != "dumb"


def _paint(text: str, style: str, color: bool) -> str:
    return f"\033[{_COLORS[style]}m{text}\033[0m" if color else text


def _print_text(
    findings: list[Any], file_count: int, color: bool, quiet: bool, out: TextIO
) -> None:
    for f in findings:
        where = _paint(
            f"{_display_path(f.path)}:{f.span.start_line + 1}:{f.span.start_col + 1}:",
            "path",
            color,
        )
        code = _paint(f.code, f.severity.label, color)
        out.write(f"{where} {code} {f.message}\n")
    if quiet:
        return
    if not findings:
        out.write(f"All checked! No Flask problems in {_plural(file_count, 'file')}.\n")
        return
    by_severity: dict[str, int] = {}
    for f in findings:
        by_severity[f.severity.label] = by_severity.get(f.severity.label, 0) + 1
    detail = ", ".join(_plural(n, label) for label, n in by_severity.items())
    files = len({f.path for f in findings})
    fixable = sum(1 for f in findings if f.fix is not None)
    out.write(
        f"\nFound {_plural(len(findings), 'problem')} ({detail}) in {_plural(files, 'file')}"
        f" of {file_count} checked.\n"
    )
    if fixable:
        out.write(f"{fixable} can be fixed with a quick fix in your editor.\n")
    first = findings[0].code
    out.write(f"Run `flask-lsp explain {first}` (or any code) to see why and how to fix it.\n")


def _plural(n: int, word: str) -> str:
    if n == 1:
        return f"1 {word}"
    return f"{n} {word}s" if not word.endswith("information") else f"{n} {word}"


# -- explain --------------------------------------------------------------------------------------


def _explain(args: argparse.Namespace) -> int:
    from flask_lsp.rules.registry import all_rules, rule_by_code

    if args.list or not args.code:
        for each in all_rules():
            print(f"{each.code}  {each.group:<8} {each.severity.label:<11} {each.title}")
        if not args.list:
            print("\nRun `flask-lsp explain CODE` for one rule's explanation.")
        return 0
    rule = rule_by_code(args.code)
    if rule is None:
        raise UsageError(
            f"unknown rule code `{args.code}`; run `flask-lsp explain --list` to see them."
        )
    print(f"{rule.code} {rule.name}: {rule.title}")
    if rule.opt_in:
        group = f'Group: {rule.group} (opt-in: select it by code, or with "{rule.group}" or "ALL").'
    else:
        group = f"Group: {rule.group} (on unless ignored)."
    print(group)
    print(
        f"Default severity: {rule.severity.label}. Quick fix: {'yes' if rule.fixable else 'no'}.\n"
    )
    print(textwrap.dedent(rule.explanation).strip())
    for url in rule.docs:
        print(f"\nFlask docs: {url}")
    return 0
