"""Settings: pyproject.toml below the editor's initializationOptions; errors as one sentence."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path

import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

from .conftest import server_command
from .helpers import open_document, pull_diagnostics, start_session

CONFIGURED = Path(__file__).parent / "configured"


@pytest_lsp.fixture(config=ClientServerConfig(server_command=server_command()))
async def configured(lsp_client: LanguageClient) -> AsyncIterator[LanguageClient]:
    await start_session(
        lsp_client,
        CONFIGURED,
        capabilities="neovim",
        options={"ignore": ["FL101"], "severity": {"FL102": "information"}},
    )
    yield lsp_client
    await lsp_client.shutdown_session()


async def test_pyproject_and_initialization_options(configured: LanguageClient) -> None:
    uri = (CONFIGURED / "app.py").as_uri()
    await open_document(configured, uri, (CONFIGURED / "app.py").read_text())
    # Neovim 0.11 pulls diagnostics (textDocument/diagnostic); the server then never pushes.
    found = await pull_diagnostics(configured, uri)
    assert configured.diagnostics.get(uri) is None
    # The editor's keys win over pyproject's, key by key: its `ignore` replaces pyproject's
    # (so FL105 is back) and its `severity` table replaces pyproject's FL102 = "warning".
    assert [(d.code, d.severity) for d in found] == [
        ("FL102", types.DiagnosticSeverity.Information),
        ("FL105", types.DiagnosticSeverity.Warning),
    ]


async def test_unknown_pyproject_key_is_reported_once(configured: LanguageClient) -> None:
    uri = (CONFIGURED / "app.py").as_uri()
    await open_document(configured, uri, (CONFIGURED / "app.py").read_text())
    await pull_diagnostics(configured, uri)
    await asyncio.sleep(0.1)
    shown = [m.message for m in configured.messages]
    assert len([m for m in shown if "Unknown setting `colour`" in m]) == 1, shown
    logged = [m.message for m in configured.log_messages]
    assert any("Unknown setting `colour`" in m for m in logged)


async def test_utf8_positions_when_negotiated(configured: LanguageClient) -> None:
    """Neovim 0.11 offers UTF-8 first; columns are then counted in bytes."""
    uri = (CONFIGURED / "app.py").as_uri()
    text = 'from flask import current_app\n\nNAME = ("é🐍", current_app.name)\n'
    await open_document(configured, uri, text)
    (diagnostic,) = await pull_diagnostics(configured, uri)
    # `NAME = ("é🐍", ` is 14 code points and 18 bytes: é is 2 bytes, the snake 4.
    assert diagnostic.range.start == types.Position(line=2, character=18)
