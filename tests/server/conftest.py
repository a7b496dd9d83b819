"""End-to-end: the installed `flask-lsp` console script, driven over stdio by pytest-lsp."""

from __future__ import annotations

import shutil
import sys
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import pytest_lsp
from pytest_lsp import ClientServerConfig, LanguageClient

from .helpers import start_session

WORKSPACE = Path(__file__).parent / "workspace"


def server_command() -> list[str]:
    script = Path(sys.executable).parent / "flask-lsp"
    if script.exists():
        return [str(script)]
    found = shutil.which("flask-lsp")
    return [found] if found else [sys.executable, "-m", "flask_lsp"]


@pytest_lsp.fixture(config=ClientServerConfig(server_command=server_command()))
async def client(lsp_client: LanguageClient) -> AsyncIterator[LanguageClient]:
    await start_session(lsp_client, WORKSPACE)
    yield lsp_client
    await lsp_client.shutdown_session()


@pytest.fixture
def workspace() -> Path:
    return WORKSPACE
