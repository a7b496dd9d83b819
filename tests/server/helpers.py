from __future__ import annotations

import asyncio
from pathlib import Path

import pytest_lsp
from lsprotocol import types
from pytest_lsp import LanguageClient

_versions: dict[str, int] = {}


async def open_document(client: LanguageClient, uri: str, text: str) -> None:
    _versions[uri] = 1
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(
                uri=uri, language_id="python", version=1, text=text
            )
        )
    )


async def replace_text(client: LanguageClient, uri: str, text: str) -> None:
    _versions[uri] = _versions.get(uri, 1) + 1
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=_versions[uri]),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )


async def edit_range(client: LanguageClient, uri: str, where: types.Range, text: str) -> None:
    """One incremental change: `where` replaced by `text`."""
    _versions[uri] = _versions.get(uri, 1) + 1
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=_versions[uri]),
            content_changes=[types.TextDocumentContentChangePartial(range=where, text=text)],
        )
    )


async def diagnostics_for(
    client: LanguageClient, uri: str, predicate=lambda d: True, timeout: float = 10.0
) -> list[types.Diagnostic]:
    """Wait until the diagnostics published for `uri` satisfy `predicate`."""

    async def wait() -> list[types.Diagnostic]:
        # Poll: a waiter on the notification can wake before the client stores its payload.
        while True:
            current = client.diagnostics.get(uri)
            if current is not None and predicate(list(current)):
                return list(current)
            await asyncio.sleep(0.01)

    return await asyncio.wait_for(wait(), timeout)


def codes(diagnostics: list[types.Diagnostic]) -> list[str]:
    return sorted(str(d.code) for d in diagnostics)


async def pull_diagnostics(client: LanguageClient, uri: str) -> list[types.Diagnostic]:
    report = await client.text_document_diagnostic_async(
        types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    assert isinstance(report, types.RelatedFullDocumentDiagnosticReport)
    return list(report.items)


async def hover_text(client: LanguageClient, uri: str, line: int, character: int) -> str:
    hover = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            position=types.Position(line=line, character=character),
        )
    )
    assert hover is not None, f"no hover at {line}:{character}"
    assert isinstance(hover.contents, types.MarkupContent)
    return hover.contents.value


def answer_server_requests(client: LanguageClient) -> None:
    """Handle what real editors answer: file-watcher registrations and code-lens refreshes."""
    client.registrations = []  # type: ignore[attr-defined]
    client.code_lens_refreshes = 0  # type: ignore[attr-defined]

    @client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register_capability(params: types.RegistrationParams) -> None:
        client.registrations.extend(params.registrations)  # type: ignore[attr-defined]

    @client.feature(types.WORKSPACE_CODE_LENS_REFRESH)
    def code_lens_refresh(params: None) -> None:
        client.code_lens_refreshes += 1  # type: ignore[attr-defined]


async def start_session(
    client: LanguageClient,
    root: Path,
    capabilities: str = "visual-studio-code",
    options: object = None,
) -> None:
    """Initialise like an editor opening `root` as its one workspace folder."""
    answer_server_requests(client)
    await client.initialize_session(
        types.InitializeParams(
            capabilities=pytest_lsp.client_capabilities(capabilities),
            root_uri=root.as_uri(),
            workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name=root.name)],
            initialization_options=options,
        )
    )
