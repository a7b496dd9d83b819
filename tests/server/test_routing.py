"""The route map in the editor: hover, completion, definition, references, code lens, workspace
symbols, and diagnostics that follow a blueprint's registration in another file."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

from .conftest import server_command
from .helpers import (
    codes,
    diagnostics_for,
    hover_text,
    open_document,
    replace_text,
    start_session,
)

ROOT = Path(__file__).parent / "routing_workspace"
PACKAGE = ROOT / "webapp"


@pytest_lsp.fixture(config=ClientServerConfig(server_command=server_command()))
async def client(lsp_client: LanguageClient) -> AsyncIterator[LanguageClient]:
    await start_session(lsp_client, ROOT)
    yield lsp_client
    await lsp_client.shutdown_session()


async def indexed(client: LanguageClient) -> None:
    """Wait until the server has indexed the workspace (it reports the end as progress)."""

    async def ended() -> None:
        while not any(
            reports and isinstance(reports[-1], types.WorkDoneProgressEnd)
            for reports in client.progress_reports.values()
        ):
            await asyncio.sleep(0.01)

    await asyncio.wait_for(ended(), 10)


async def open_file(client: LanguageClient, name: str, text: str | None = None) -> str:
    """Open `webapp/<name>` once the workspace is indexed, and wait for its first analysis."""
    await indexed(client)
    uri = (PACKAGE / name).as_uri()
    await open_document(client, uri, text if text is not None else (PACKAGE / name).read_text())
    await diagnostics_for(client, uri)
    return uri


def position(uri: str, line: int, character: int) -> dict[str, object]:
    return {
        "text_document": types.TextDocumentIdentifier(uri=uri),
        "position": types.Position(line=line, character=character),
    }


async def test_hover_on_a_route_shows_the_full_url(client: LanguageClient) -> None:
    uri = await open_file(client, "users.py")
    text = await hover_text(client, uri, 5, 3)  # @users.route("/", methods=["GET", "POST"])
    assert "`GET, POST` `/api/users/` → `users.list_users`" in text
    assert "registered at __init__.py:9" in text


async def test_hover_on_url_for_shows_the_route_and_its_variables(client: LanguageClient) -> None:
    uri = await open_file(client, "pages.py")
    text = await hover_text(client, uri, 7, 20)  # "users.show"
    assert "builds `/api/users/<int:user_id>`" in text
    assert "required: `user_id` (int)" in text


@pytest.mark.parametrize(
    ("line_text", "expected_label", "expected_detail"),
    [
        ("    return url_for('", "users.show", "/api/users/<int:user_id>"),
        ("    return url_for('users.s", "users.list_users", "/api/users/"),
        (
            "    return url_for('users.show', ",
            "user_id=",
            "int (required) in /api/users/<int:user_id>",
        ),
    ],
    ids=["endpoint", "endpoint-prefix", "url-variable"],
)
async def test_completion_inside_url_for(
    client: LanguageClient, line_text: str, expected_label: str, expected_detail: str
) -> None:
    text = (
        (PACKAGE / "pages.py")
        .read_text()
        .replace('    return url_for("users.list_users")', line_text)
    )
    uri = await open_file(client, "pages.py", text)
    line = text.splitlines().index(line_text)
    result = await client.text_document_completion_async(
        types.CompletionParams(**position(uri, line, len(line_text)))  # type: ignore[arg-type]
    )
    assert isinstance(result, types.CompletionList)
    details = {item.label: item.detail for item in result.items}
    assert details[expected_label] == expected_detail


async def test_definition_goes_from_endpoint_to_view(client: LanguageClient) -> None:
    uri = await open_file(client, "pages.py")
    result = await client.text_document_definition_async(
        types.DefinitionParams(**position(uri, 7, 22))  # type: ignore[arg-type]
    )
    assert isinstance(result, list)
    (location,) = result
    assert isinstance(location, types.Location)
    assert location.uri == (PACKAGE / "users.py").as_uri()
    assert location.range.start == types.Position(line=11, character=4)  # def show(


async def test_references_of_a_view_are_its_url_for_calls(client: LanguageClient) -> None:
    uri = await open_file(client, "users.py")
    result = await client.text_document_references_async(
        types.ReferenceParams(
            context=types.ReferenceContext(include_declaration=False),
            **position(uri, 11, 6),  # type: ignore[arg-type]
        )
    )
    assert result is not None
    assert [(loc.uri, loc.range.start.line) for loc in result] == [
        ((PACKAGE / "pages.py").as_uri(), 7)
    ]


async def test_code_lens_above_each_view(client: LanguageClient) -> None:
    uri = await open_file(client, "users.py")
    lenses = await client.text_document_code_lens_async(
        types.CodeLensParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    assert lenses is not None
    titles = {lens.range.start.line: lens.command.title for lens in lenses if lens.command}
    assert titles == {
        5: "GET, POST /api/users/ → users.list_users",
        10: "GET /api/users/<int:user_id> → users.show",
    }


async def test_workspace_symbols_find_routes_by_url(client: LanguageClient) -> None:
    await open_file(client, "users.py")
    symbols = await client.workspace_symbol_async(types.WorkspaceSymbolParams(query="/api/users"))
    assert symbols is not None
    names = sorted((s.name, s.container_name) for s in symbols)  # type: ignore[union-attr]
    assert names == [
        ("GET /api/users/<int:user_id>", "users.show"),
        ("GET, POST /api/users/", "users.list_users"),
    ]


async def test_renaming_a_registration_updates_url_for_in_another_file(
    client: LanguageClient,
) -> None:
    pages = await open_file(client, "pages.py")
    factory = await open_file(client, "__init__.py")
    assert list(client.diagnostics[pages]) == []
    original = (PACKAGE / "__init__.py").read_text()
    renamed = original.replace(
        'url_prefix="/api/users")', 'url_prefix="/api/users", name="people")'
    )
    await replace_text(client, factory, renamed)
    found = await diagnostics_for(client, pages, lambda d: len(d) == 2)
    assert codes(found) == ["FL207", "FL207"]
    assert "did you mean `people.show`?" in found[0].message
    await replace_text(client, factory, original)
    assert await diagnostics_for(client, pages, lambda d: d == []) == []


async def test_forgetting_a_registration_flags_the_blueprint(client: LanguageClient) -> None:
    users = await open_file(client, "users.py")
    factory = await open_file(client, "__init__.py")
    without = (
        (PACKAGE / "__init__.py")
        .read_text()
        .replace('    app.register_blueprint(users, url_prefix="/api/users")\n', "")
    )
    await replace_text(client, factory, without)
    found = await diagnostics_for(client, users, lambda d: len(d) == 1)
    assert codes(found) == ["FL210"]


async def test_quick_fix_replaces_a_misspelt_endpoint(client: LanguageClient) -> None:
    text = (PACKAGE / "pages.py").read_text().replace('"users.show"', '"users.shwo"')
    uri = await open_file(client, "pages.py", text)
    (diagnostic,) = await diagnostics_for(client, uri, lambda d: len(d) == 1)
    assert diagnostic.code == "FL207"
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=diagnostic.range,
            context=types.CodeActionContext(diagnostics=[diagnostic]),
        )
    )
    assert actions is not None
    fix = next(a for a in actions if isinstance(a, types.CodeAction) and "users.show" in a.title)
    assert fix.edit is not None and fix.edit.changes is not None
    (edit,) = fix.edit.changes[uri]
    assert edit.new_text == '"users.show"'
    assert edit.range == diagnostic.range


async def test_wraps_fix_edits_the_decorators_file(client: LanguageClient) -> None:
    """The views are short, the decorator's module is long: the edit must land in that module."""
    decorators = "\n" * 20 + (
        "def login_required(view):\n"
        "    def wrapper(*args, **kwargs):\n"
        "        return view(*args, **kwargs)\n"
        "\n"
        "    return wrapper\n"
    )
    views = (
        "from .decorators import login_required\nfrom .users import users\n\n\n"
        "@users.route('/a')\n@login_required\ndef a():\n    return 'a'\n\n\n"
        "@users.route('/b')\n@login_required\ndef b():\n    return 'b'\n"
    )
    await open_file(client, "decorators.py", decorators)
    uri = await open_file(client, "extra.py", views)
    found = await diagnostics_for(client, uri, lambda d: len(d) == 2)
    assert codes(found) == ["FL206", "FL206"]
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=found[0].range,
            context=types.CodeActionContext(diagnostics=[found[0]]),
        )
    )
    assert actions is not None
    fix = next(a for a in actions if isinstance(a, types.CodeAction) and "wraps" in a.title)
    assert fix.edit is not None and fix.edit.changes is not None
    target = (PACKAGE / "decorators.py").as_uri()
    assert list(fix.edit.changes) == [target]
    inserted = {e.new_text: e.range.start.line for e in fix.edit.changes[target]}
    assert inserted["    @functools.wraps(view)\n"] == 21  # above `def wrapper`
