"""Editor features over the route map, without a server: hover, completion, navigation, lenses."""

from __future__ import annotations

from pathlib import Path

import pytest

from flask_lsp.analysis import route_features as rf
from flask_lsp.analysis.workspace import Workspace
from flask_lsp.engine.checker import Project

STOREFRONT = Path(__file__).parent / "factory_app" / "storefront"


@pytest.fixture(scope="module")
def workspace() -> Workspace:
    project = Project()
    project.index_paths([STOREFRONT.parent])
    return project.workspace


def path(name: str) -> str:
    return str(STOREFRONT / name)


def locate(name: str, needle: str) -> tuple[int, int]:
    for number, line in enumerate((STOREFRONT / name).read_text().splitlines()):
        if needle in line:
            return number, line.index(needle) + 1
    raise AssertionError(f"{needle!r} not in {name}")


def test_hover_on_a_blueprint_registered_twice_lists_both_urls(workspace: Workspace) -> None:
    line, col = locate("account.py", '@account_bp.route("/settings"')
    text = rf.route_hover(workspace, path("account.py"), line, col)
    assert text is not None
    assert "`GET` `/account/settings` → `account.settings` (registered at __init__.py:17)" in text
    assert "`GET` `/me/settings` → `me.settings` (registered at __init__.py:18)" in text


def test_hover_on_relative_url_for_in_a_nested_blueprint(workspace: Workspace) -> None:
    line, col = locate("api/users.py", 'url_for(".user"')
    text = rf.route_hover(workspace, path("api/users.py"), line, col)
    assert text is not None
    assert "**url_for** `api.users.user`" in text
    assert "builds `/api/v1/users/<int:user_id>`" in text


def test_completion_offers_relative_names_inside_a_blueprint_view(workspace: Workspace) -> None:
    items = rf.completions(
        workspace, path("pages.py"), '    url_for(".', 8, 14, "storefront.pages.index"
    ).items
    labels = {item.label for item in items}
    assert {".post", ".download", "pages.post", "api.users.user"} <= labels
    assert all(item.replace.start_col == 13 for item in items)  # the typed `.` is replaced


def test_completion_of_url_variables_skips_the_given_ones(workspace: Workspace) -> None:
    line = '    url_for("pages.post", year=1, '
    items = rf.completions(workspace, path("pages.py"), line, 8, len(line), None).items
    assert [(i.label, i.detail) for i in items] == [
        ("slug=", "default (required) in /posts/<int:year>/<slug>")
    ]


def test_definition_of_an_add_url_rule_view_defined_elsewhere(workspace: Workspace) -> None:
    line, col = locate("pages.py", 'url_for("about")')
    places = rf.definition(workspace, path("pages.py"), line, col + 9)
    assert places == [rf.Place(path("pages.py"), rf.Span(26, 4, 26, 9))]


def test_references_with_the_declaration(workspace: Workspace) -> None:
    line, col = locate("pages.py", "def post(")
    places = rf.references(workspace, path("pages.py"), line, col + 4, include_declaration=True)
    lines = sorted((Path(p.path).name, p.span.start_line) for p in places)
    assert lines == [("pages.py", 7), ("pages.py", 12)]  # url_for(".post"), def post


def test_code_lens_titles_for_stacked_routes(workspace: Workspace) -> None:
    titles = {
        lens.span.start_line: lens.title for lens in rf.code_lenses(workspace, path("pages.py"))
    }
    assert titles[10] == "GET /posts/<int:year>/<slug> → pages.post"
    assert titles[11] == "GET /posts/latest → pages.post"
    line, _ = locate("account.py", '@account_bp.route("/orders')
    lenses = rf.code_lenses(workspace, path("account.py"))
    assert [lens.title for lens in lenses if lens.span.start_line == line] == [
        "DELETE, GET /account/orders/<uuid:order_id> → account.order"
        " · DELETE, GET /me/orders/<uuid:order_id> → me.order"
    ]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("/api/v1/users/<int", {"api.users.user", "api.users.avatar"}),
        ("me.", {"me.settings", "me.order"}),
    ],
)
def test_workspace_symbols_match_rules_and_endpoints(
    workspace: Workspace, query: str, expected: set[str]
) -> None:
    assert {s.container for s in rf.route_symbols(workspace, query)} == expected


def test_hover_on_a_registration_lists_what_it_mounts(workspace: Workspace) -> None:
    line, col = locate("__init__.py", 'register_blueprint(account_bp, url_prefix="/me"')
    text = rf.route_hover(workspace, path("__init__.py"), line, col)
    assert text is not None
    assert "- `me` at `/me`: 2 route(s)" in text
    assert "`DELETE, GET` `/me/orders/<uuid:order_id>` → `me.order`" in text


def test_completion_in_a_url_for_call_that_spans_lines(workspace: Workspace) -> None:
    above = ("    return url_for(", '        "pages.post",', "        year=2024,")
    items = rf.completions(workspace, path("pages.py"), "        ", 20, 8, None, above).items
    assert [i.label for i in items] == ["slug="]


def test_completion_ranks_the_current_blueprint_then_this_file_then_the_rest(
    workspace: Workspace,
) -> None:
    found = rf.completions(
        workspace, path("pages.py"), '    url_for("', 8, 13, "storefront.pages.index"
    )
    labels = [item.label for item in found.items]
    relative = [label for label in labels if label.startswith(".")]
    assert labels[: len(relative)] == sorted(relative) and ".post" in relative
    here = labels[len(relative) :]
    assert here[0].startswith("pages.")  # endpoints of pages.py come next
    assert not found.incomplete


@pytest.mark.parametrize(
    ("typed", "expected", "excluded"),
    [
        ("me.set", {"me.settings"}, {"me.order", "pages.post"}),
        ("usrusr", {"api.users.user"}, {"me.settings"}),  # in order, not contiguous
        ("USERS", {"api.users.user"}, {"pages.post"}),  # case does not matter
    ],
)
def test_completion_keeps_what_matches_the_typed_text(
    workspace: Workspace, typed: str, expected: set[str], excluded: set[str]
) -> None:
    line = f'    url_for("{typed}'
    found = rf.completions(workspace, path("pages.py"), line, 8, len(line), None)
    labels = {item.label for item in found.items}
    assert expected <= labels and not labels & excluded
    assert all(item.replace.start_col == 13 for item in found.items)


def test_a_long_completion_list_is_cut_and_marked_incomplete(workspace: Workspace) -> None:
    everything = rf.completions(workspace, path("pages.py"), '    url_for("', 8, 13, None)
    cut = rf.completions(workspace, path("pages.py"), '    url_for("', 8, 13, None, limit=3)
    assert len(everything.items) > 3 and not everything.incomplete
    assert cut.items == everything.items[:3] and cut.incomplete


def test_editing_a_url_for_keeps_the_route_map_and_references_follow() -> None:
    """`url_for` calls are not part of the route map: typing in one keeps the map (no rebuild
    of the workspace's routes per keystroke), and references read the calls as they are now."""
    project = Project()
    project.index_paths([STOREFRONT.parent])
    pages = path("pages.py")
    text = Path(pages).read_text(encoding="utf-8")
    project.set_text(pages, text, pinned=True)
    workspace = project.workspace
    before = workspace.structure_generation
    line, col = locate("pages.py", "def post(")
    found = rf.references(workspace, pages, line, col + 4, include_declaration=False)
    assert len(found) == 1  # url_for(".post")
    project.set_text(pages, text.replace('url_for(".post"', 'url_for(".download"', 1), pinned=True)
    assert workspace.structure_generation == before
    assert rf.references(workspace, pages, line, col + 4, include_declaration=False) == []


def test_hover_on_an_unknown_endpoint_says_where_the_map_is_incomplete(tmp_path: Path) -> None:
    """The map cannot follow a registration loop over plugins: FL207 stays quiet on an unknown
    endpoint, and the hover says why instead of claiming that no route has it."""
    app = tmp_path / "app.py"
    app.write_text(
        "from flask import Flask, url_for\n\nfrom plugins import load\n\n"
        "app = Flask(__name__)\n\n"
        "for plugin in load():\n    app.register_blueprint(plugin.blueprint)\n\n\n"
        '@app.route("/")\ndef index():\n    return url_for("billing.invoices")\n'
    )
    project = Project()
    project.index_paths([tmp_path])
    text = rf.route_hover(project.workspace, str(app), 12, 23)
    assert text == (
        "**url_for** `billing.invoices`\n\nNo route in the workspace has this endpoint. The route "
        "map may be incomplete, so flask-lsp cannot tell: 1 place(s) it cannot follow, such as a "
        "registration flask-lsp cannot follow (a loop, an unknown object) (app.py:8)."
    )
