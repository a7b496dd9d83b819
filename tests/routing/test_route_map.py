"""The static route map against Flask's own: the fixture apps are imported *in the test* (never
by flask-lsp) and their `app.url_map` and `flask routes` output compared with ours."""

from __future__ import annotations

import importlib
import json
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.cli import routes_command

from flask_lsp.analysis.routes import Route, route_map, url_map_order
from flask_lsp.cli import main
from flask_lsp.engine.checker import Project

HERE = Path(__file__).parent
APPS = {
    "factory_app": ("storefront", "create_app"),
    "module_app": ("blogapp", "app"),
    "subdomain_app": ("tenantapp", "app"),
    "slashes_app": ("slashapp", "app"),
    "subclass_app": ("portal", "create_app"),  # Flask and Blueprint subclasses, any depth
    "loops_app": ("loopapp", "create_app"),  # loops over constant data, unrolled
    "bpfactory_app": ("monitor", "create_app"),  # blueprint factories, closures as views
    "helpers_app": ("forumapp", "create_app"),  # project helpers that register on a parameter
}


@pytest.fixture(params=sorted(APPS))
def fixture_app(request: pytest.FixtureRequest) -> Iterator[tuple[Path, Flask]]:
    folder = HERE / request.param
    module_name, attribute = APPS[request.param]
    sys.path.insert(0, str(folder))
    try:
        module = importlib.import_module(module_name)
        found = getattr(module, attribute)
        app = found() if attribute == "create_app" else found
        yield folder, app
    finally:
        sys.path.remove(str(folder))
        for name in [n for n in sys.modules if n.split(".")[0] == module_name]:
            del sys.modules[name]


def static_routes(folder: Path) -> list[Route]:
    project = Project()
    project.index_paths([folder])
    return [r for r in route_map(project.workspace).routes if r.registered]


def test_rules_endpoints_and_methods_match_the_url_map(fixture_app: tuple[Path, Flask]) -> None:
    folder, app = fixture_app
    ours = {(r.endpoint, r.rule, r.methods, r.subdomain or "") for r in static_routes(folder)}
    flasks = {
        (r.endpoint, r.rule, frozenset(r.methods or ()), r.subdomain or "")
        for r in app.url_map.iter_rules()
    }
    assert ours == flasks


@pytest.mark.parametrize("sort", ["endpoint", "methods", "domain", "rule"])
@pytest.mark.parametrize("all_methods", [False, True], ids=["methods", "all-methods"])
def test_routes_command_prints_what_flask_routes_prints(
    fixture_app: tuple[Path, Flask],
    sort: str,
    all_methods: bool,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder, app = fixture_app
    extra = ["--all-methods"] if all_methods else []
    flask_output = app.test_cli_runner().invoke(routes_command, ["--sort", sort, *extra]).output
    assert main(["routes", str(folder), "--sort", sort, *extra]) == 0
    assert capsys.readouterr().out == flask_output


def test_match_order_is_the_url_maps(fixture_app: tuple[Path, Flask]) -> None:
    """Registration order, the rules of each endpoint together, as `iter_rules()` gives them."""
    folder, app = fixture_app
    ours = [(r.endpoint, r.rule) for r in url_map_order(static_routes(folder))]
    flasks = [(r.endpoint, r.rule) for r in app.url_map.iter_rules()]
    assert ours == flasks


def test_json_lists_each_route_with_the_place_of_its_view(
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = HERE / "factory_app"
    assert main(["routes", str(folder), "--format", "json", "--sort", "rule"]) == 0
    table = json.loads(capsys.readouterr().out)
    assert table["unresolved"] == []
    rows = table["routes"]
    by_rule = {row["rule"]: row for row in rows}
    assert set(rows[0]) == {"endpoint", "methods", "rule", "registered", "path", "line"}
    users = by_rule["/api/v1/users/"]
    assert users["endpoint"] == "api.users.list_users"
    assert users["methods"] == ["GET", "POST"]
    assert users["path"].endswith("storefront/api/users.py")
    assert by_rule["/about"]["path"].endswith("storefront/pages.py")  # add_url_rule(view_func=...)
    assert by_rule["/about"]["line"] == 27


def test_unregistered_blueprints_are_listed_on_request(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A blueprint the project registers by discovery at run time (Indico, CKAN): its routes
    are known, its registration is not; `--unregistered` lists them, marked."""
    (tmp_path / "app.py").write_text(
        "import importlib\n\nfrom flask import Flask\n\napp = Flask(__name__)\n"
        'for name in ("blog",):\n'
        "    app.register_blueprint(importlib.import_module(name).bp)\n"
    )
    (tmp_path / "blog.py").write_text(
        'from flask import Blueprint\n\nbp = Blueprint("blog", __name__)\n\n\n'
        '@bp.route("/posts")\ndef posts():\n    return "posts"\n'
    )
    assert main(["routes", str(tmp_path), "--format", "json"]) == 0
    table = json.loads(capsys.readouterr().out)
    assert {row["endpoint"] for row in table["routes"]} == {"static"}
    assert table["unresolved"] == [
        {
            "reason": "a registration flask-lsp cannot follow (a loop, an unknown object)",
            "path": str(tmp_path / "app.py"),
            "line": 7,
        }
    ]
    assert main(["routes", str(tmp_path), "--format", "json", "--unregistered"]) == 0
    rows = {r["endpoint"]: r["registered"] for r in json.loads(capsys.readouterr().out)["routes"]}
    assert rows == {"static": True, "blog.posts": False}


def test_the_footer_says_where_routes_may_be_missing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "app.py").write_text(
        "from flask import Flask\n\nfrom plugins import load\n\napp = Flask(__name__)\n\n\n"
        '@app.route("/")\ndef index():\n    return "index"\n\n\n'
        "for plugin in load():\n    app.register_blueprint(plugin.blueprint)\n"
    )
    assert main(["routes", str(tmp_path)]) == 0
    out, err = capsys.readouterr()
    assert "index     GET      /" in out
    assert err.splitlines()[1:] == [
        "Some routes may be missing: 1 place(s) flask-lsp cannot follow:",
        f"  {tmp_path / 'app.py'}:14: a registration flask-lsp cannot follow (a loop, an unknown object)",
    ]


def test_routes_of_an_empty_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "lib.py").write_text("def helper():\n    return 1\n", encoding="utf-8")
    assert main(["routes", str(tmp_path)]) == 0
    assert capsys.readouterr().out == "No routes were registered.\n"


def test_routes_of_a_missing_path(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["routes", "no/such/folder"]) == 2
    assert "no such file or folder" in capsys.readouterr().err
