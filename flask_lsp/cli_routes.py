"""`flask-lsp routes [PATH]`: the static route table, like `flask routes`, without running the app."""

from __future__ import annotations

import argparse
import json
import sys
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from flask_lsp.analysis.routes import Gap, Route, RouteMap
    from flask_lsp.engine.checker import Project

SORTS = ("endpoint", "methods", "domain", "rule", "match")


def add_parser(commands: Any) -> None:
    parser = commands.add_parser(
        "routes",
        help="show the routes of the Flask app(s) in a folder, like `flask routes`",
        description="Show every route the workspace's Flask apps register, computed statically "
        "(the app is never imported). Columns and sort options are those of `flask routes`.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="examples:\n  flask-lsp routes\n  flask-lsp routes src/ --sort rule\n"
        "  flask-lsp routes --format json",
    )
    parser.add_argument("path", nargs="?", type=Path, default=Path("."), help="file or folder")
    parser.add_argument(
        "-s",
        "--sort",
        choices=SORTS,
        default="endpoint",
        help="sort by column; `match` keeps the order of Flask's URL map (`iter_rules`)",
    )
    parser.add_argument(
        "--all-methods", action="store_true", help="show HEAD and OPTIONS methods too"
    )
    parser.add_argument(
        "--unregistered",
        action="store_true",
        help="also the routes of blueprints registered on no app flask-lsp can see "
        "(discovered by the project at run time, say); JSON marks them `registered: false`",
    )
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from flask_lsp.analysis.routes import route_map, url_map_order
    from flask_lsp.cli import UsageError, load_cli_settings
    from flask_lsp.engine.checker import Project

    path: Path = args.path
    if not path.exists():
        raise UsageError(f"no such file or folder: {path}.")
    project = Project(load_cli_settings(args, path.resolve()))
    project.index_paths([path])
    rmap = route_map(project.workspace)
    # As Flask lists them: the other sorts keep that order among equals.
    routes = url_map_order([r for r in rmap.routes if r.registered or args.unregistered])
    if args.format == "json":
        _print_json(project, rmap, routes, args)
        return 0
    if not routes:
        print("No routes were registered.")
        return 0
    has_domain = any(r.subdomain for r in routes)
    headers = ["Endpoint", "Methods"]
    sorts = ["endpoint", "methods"]
    if has_domain:
        headers.append("Subdomain")
        sorts.append("domain")
    headers.append("Rule")
    sorts.append("rule")
    table = []
    for r in routes:
        row = [r.endpoint, r.methods_label(args.all_methods)]
        if has_domain:
            row.append(r.subdomain or "")
        row.append(r.rule)
        table.append(row)
    if args.sort in sorts:
        table.sort(key=itemgetter(sorts.index(args.sort)))
    rows = [headers, *table]
    widths = [max(len(row[i]) for row in rows) for i in range(len(headers))]
    rows.insert(1, ["-" * w for w in widths])
    template = "  ".join(f"{{{i}:<{w}}}" for i, w in enumerate(widths))
    for row in rows:
        print(template.format(*row))
    if len({r.app for r in routes}) > 1:
        print(f"\n({len({r.app for r in routes})} apps found: their routes are listed together.)")
    _print_gaps(rmap.incomplete)
    return 0


def _print_json(
    project: Project, rmap: RouteMap, routes: list[Route], args: argparse.Namespace
) -> None:
    """`{"routes": [...], "unresolved": [...]}`: the routes, then what the map could not follow."""
    from flask_lsp.analysis.route_features import view_place
    from flask_lsp.cli import _display_path

    records: list[dict[str, Any]] = []
    for route in routes:
        shown = route.methods_label(args.all_methods)
        place = view_place(project.workspace, route)
        records.append(
            {
                "endpoint": route.endpoint,
                "methods": [] if shown == "?" else shown.split(", ") if shown else [],
                "rule": route.rule,
                "registered": route.registered,
                "path": _display_path(place.path) if place else None,
                "line": place.span.start_line + 1 if place else None,
            }
        )
    if args.sort != "match":
        key = {"endpoint": "endpoint", "rule": "rule"}.get(args.sort)
        records.sort(key=(lambda row: row[key]) if key else (lambda row: ", ".join(row["methods"])))
    unresolved = [
        {"reason": gap.reason, "path": _display_path(gap.path), "line": gap.line}
        for gap in _unique(rmap.incomplete)
    ]
    json.dump({"routes": records, "unresolved": unresolved}, sys.stdout, indent=2)
    sys.stdout.write("\n")


_GAPS_SHOWN = 3


def _print_gaps(gaps: list[Gap]) -> None:
    """The footer: what the map could not follow, so that routes may be missing."""
    from flask_lsp.cli import _display_path

    unique = _unique(gaps)
    if not unique:
        return
    print(
        f"\nSome routes may be missing: {len(unique)} place(s) flask-lsp cannot follow:",
        file=sys.stderr,
    )
    for gap in unique[:_GAPS_SHOWN]:
        where = _display_path(gap.path) + (f":{gap.line}" if gap.line else "")
        print(f"  {where}: {gap.reason}", file=sys.stderr)
    if len(unique) > _GAPS_SHOWN:
        print(
            f"  ... and {len(unique) - _GAPS_SHOWN} more (all of them: --format json)",
            file=sys.stderr,
        )


def _unique(gaps: list[Gap]) -> list[Gap]:
    return sorted(set(gaps), key=lambda gap: (gap.path, gap.line or 0, gap.reason))
