"""End-to-end: the installed `flask-lsp` console script, driven over stdio by pytest-lsp."""

from __future__ import annotations

import shutil
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

from .helpers import answer_server_requests

WORKSPACE = Path(__file__).parent / "workspace"


def server_command() -> list[str]:
    script = Path(sys.executable).parent / "flask-lsp"
    if script.exists():
        return [str(script)]
    found = shutil.which("flask-lsp")
    return [found] if found else [sys.executable, "-m", "flask_lsp"]


@pytest_lsp.fixture(config=ClientServerConfig(server_command=server_command()))
async def client(lsp_client: LanguageClient) -> AsyncIterator[LanguageClient]:
    answer_server_requests(lsp_client)
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=pytest_lsp.client_capabilities("visual-studio-code"),
            root_uri=WORKSPACE.as_uri(),
            workspace_folders=[types.WorkspaceFolder(uri=WORKSPACE.as_uri(), name="workspace")],
        )
    )
    yield lsp_client
    await lsp_client.shutdown_session()


@pytest.fixture
def workspace() -> Path:
    return WORKSPACE
