"""The server under each editor's real client capabilities (pytest-lsp's recorded presets).

VS Code, Neovim and Emacs differ in what they accept: position encodings (UTF-16 / UTF-8 /
UTF-32), pull or push diagnostics, markdown or plain-text hover, `documentChanges` in
workspace edits, snippets and work-done progress. Each test runs against all three presets
(plus variants with plain-text-only hover and without work-done progress), through the
installed `flask-lsp` script.
Fast: not marked `editor`.
"""

from __future__ import annotations

import asyncio
import copy
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_asyncio
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

FLASK_LSP = Path(sys.executable).parent / "flask-lsp"
FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "editors" / "presets"
PRESETS = ["visual-studio-code", "neovim", "emacs"]

# The FL101 line starts with non-ASCII text, so its column differs in each encoding.
UNICODE_LINE = 'greeting = "héllo 🐍"; agent = request.headers.get("User-Agent")'


def column(text: str, encoding: str) -> int:
    """Where `request` starts on UNICODE_LINE, counted in `encoding`'s units."""
    prefix = text[: text.index("request")]
    if encoding == types.PositionEncodingKind.Utf8:
        return len(prefix.encode("utf-8"))
    if encoding == types.PositionEncodingKind.Utf32:
        return len(prefix)
    return len(prefix.encode("utf-16-le")) // 2


class Session:
    """A client started with one editor's capabilities, with the fixture file open."""

    def __init__(self, client: LanguageClient, preset: str, result: types.InitializeResult):
        self.client = client
        self.preset = preset
        self.capabilities = client.capabilities
        self.server = result.capabilities
        self.encoding = str(self.server.position_encoding or types.PositionEncodingKind.Utf16)
        self.path = FIXTURE / "app.py"
        self.uri = self.path.as_uri()
        self.text = self.path.read_text()

    async def diagnostics(self) -> list[types.Diagnostic]:
        """flask-lsp's diagnostics, pulled when both sides support it, else pushed."""
        client_pull = self.capabilities.text_document and self.capabilities.text_document.diagnostic
        if client_pull and self.server.diagnostic_provider is not None:
            report = await self.client.text_document_diagnostic_async(
                types.DocumentDiagnosticParams(
                    text_document=types.TextDocumentIdentifier(uri=self.uri)
                )
            )
            assert isinstance(report, types.RelatedFullDocumentDiagnosticReport)
            return list(report.items)
        while self.uri not in self.client.diagnostics:
            await self.client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        return list(self.client.diagnostics[self.uri])

    async def diagnostic(self, code: str) -> types.Diagnostic:
        found = [d for d in await self.diagnostics() if d.code == code]
        assert found, f"no {code} diagnostic for {self.preset}"
        return found[0]


def capabilities(preset: str) -> types.ClientCapabilities:
    name, _, variant = preset.partition("+")
    caps = copy.deepcopy(client_capabilities(name))
    if variant == "plaintext":
        assert caps.text_document is not None and caps.text_document.hover is not None
        caps.text_document.hover.content_format = [types.MarkupKind.PlainText]
    if variant == "noprogress":
        assert caps.window is not None
        caps.window.work_done_progress = False
    return caps


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[str(FLASK_LSP)]))
async def lsp_client(lsp_client: LanguageClient) -> AsyncIterator[None]:
    # Editors accept dynamic registrations (the server registers file watchers).
    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register_capability(params: types.RegistrationParams) -> None:
        return None

    @lsp_client.feature(types.WORKSPACE_CODE_LENS_REFRESH)
    def code_lens_refresh(params: None) -> None:
        return None

    yield


@pytest.fixture(params=[*PRESETS, "emacs+plaintext", "neovim+noprogress"])
def preset(request: pytest.FixtureRequest) -> str:
    name: str = request.param
    return name


@pytest_asyncio.fixture
async def session(lsp_client: LanguageClient, preset: str) -> AsyncIterator[Session]:
    result = await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=capabilities(preset),
            root_uri=FIXTURE.as_uri(),
            workspace_folders=[types.WorkspaceFolder(uri=FIXTURE.as_uri(), name="presets")],
        )
    )
    opened = Session(lsp_client, preset, result)
    lsp_client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=opened.uri, language_id="python", version=1, text=opened.text
            )
        )
    )
    yield opened
    await lsp_client.shutdown_session()


def position_encodings(caps: types.ClientCapabilities) -> list[str]:
    offered = caps.general.position_encodings if caps.general else None
    return [str(e) for e in offered] if offered else [types.PositionEncodingKind.Utf16]


async def test_position_encoding_is_one_the_client_offered(session: Session) -> None:
    assert session.encoding in position_encodings(session.capabilities)


async def test_diagnostics_columns_follow_the_negotiated_encoding(session: Session) -> None:
    line_number = session.text.splitlines().index(UNICODE_LINE)
    diagnostic = await session.diagnostic("FL101")

    assert diagnostic.source == "flask-lsp"
    assert diagnostic.range.start == types.Position(
        line=line_number, character=column(UNICODE_LINE, session.encoding)
    )
    assert diagnostic.range.end.character - diagnostic.range.start.character == len("request")


async def test_hover_uses_a_format_the_client_reads(session: Session) -> None:
    diagnostic = await session.diagnostic("FL101")
    hover = await session.client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=session.uri),
            position=diagnostic.range.start,
        )
    )
    assert hover is not None
    assert isinstance(hover.contents, types.MarkupContent)
    caps = session.capabilities.text_document
    accepted = caps.hover.content_format if caps and caps.hover else None
    assert hover.contents.kind in (accepted or [types.MarkupKind.PlainText])
    assert "FL101" in hover.contents.value
    if hover.contents.kind == types.MarkupKind.PlainText:
        assert "**" not in hover.contents.value


def apply_edits(text: str, edits: list[types.TextEdit], encoding: str) -> str:
    """Apply LSP text edits (ranges in `encoding`) to text; ASCII-safe fixture lines only."""
    lines = text.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))

    def offset(position: types.Position) -> int:
        line = lines[position.line] if position.line < len(lines) else ""
        prefix = line[: position.character]
        assert prefix.isascii() or encoding == types.PositionEncodingKind.Utf32
        return starts[position.line] + position.character

    for edit in sorted(
        edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True
    ):
        text = text[: offset(edit.range.start)] + edit.new_text + text[offset(edit.range.end) :]
    return text


async def test_quick_fix_edit_is_shaped_for_the_client(session: Session) -> None:
    diagnostic = await session.diagnostic("FL105")
    actions = await session.client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=session.uri),
            range=diagnostic.range,
            context=types.CodeActionContext(
                diagnostics=[diagnostic], only=[types.CodeActionKind.QuickFix]
            ),
        )
    )
    assert actions, f"no quick fix offered to {session.preset}"
    fixes = [
        a for a in actions if isinstance(a, types.CodeAction) and a.title.startswith("Enter it")
    ]
    assert len(fixes) == 1
    fix = fixes[0]
    assert fix.kind == types.CodeActionKind.QuickFix
    assert fix.edit is not None

    caps = session.capabilities.workspace
    document_changes = bool(caps and caps.workspace_edit and caps.workspace_edit.document_changes)
    if fix.edit.document_changes:
        assert document_changes, "documentChanges sent to a client that did not ask for them"
        (change,) = fix.edit.document_changes
        assert isinstance(change, types.TextDocumentEdit)
        edits = [e for e in change.edits if isinstance(e, types.TextEdit)]
    else:
        assert fix.edit.changes is not None
        edits = list(fix.edit.changes[session.uri])

    fixed = apply_edits(session.text, edits, session.encoding)
    assert '    with app.app_context():\n        print("creating tables")\n' in fixed
    assert "    app.app_context()\n" not in fixed


async def test_indexing_progress_only_where_the_client_shows_it(session: Session) -> None:
    await session.diagnostics()
    window = session.capabilities.window
    reports = session.client.progress_reports
    if not (window and window.work_done_progress):
        assert reports == {}
        return
    for _ in range(200):  # the index may still be finishing: wait for its `end`, bounded
        if any(isinstance(r, types.WorkDoneProgressEnd) for rs in reports.values() for r in rs):
            break
        await asyncio.sleep(0.05)
    ((_, steps),) = reports.items()
    assert isinstance(steps[0], types.WorkDoneProgressBegin)
    assert isinstance(steps[-1], types.WorkDoneProgressEnd)
