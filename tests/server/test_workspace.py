"""Workspace behaviour: indexing progress, cross-file updates, other transports."""

from __future__ import annotations

import asyncio
import json
import socket
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from lsprotocol import types
from pytest_lsp import LanguageClient

from .conftest import server_command
from .helpers import codes, diagnostics_for, open_document, replace_text


async def test_indexing_reports_work_done_progress(client: LanguageClient) -> None:
    async def ended() -> list[object]:
        while True:
            for reports in client.progress_reports.values():
                if reports and isinstance(reports[-1], types.WorkDoneProgressEnd):
                    return reports
            await asyncio.sleep(0.01)

    reports = await asyncio.wait_for(ended(), 10)
    assert isinstance(reports[0], types.WorkDoneProgressBegin)
    assert reports[0].title == "Flask LSP"
    assert reports[-1].message is not None and reports[-1].message.startswith("Indexed ")


async def test_editing_a_helper_updates_its_callers(
    client: LanguageClient, workspace: Path
) -> None:
    """`SIZE = cart_size()` runs at import time: fine until the helper starts reading `session`."""
    caller = (workspace / "shop" / "__init__.py").as_uri()
    helper = (workspace / "shop" / "helpers.py").as_uri()
    await open_document(client, caller, (workspace / "shop" / "__init__.py").read_text())
    await open_document(client, helper, (workspace / "shop" / "helpers.py").read_text())
    await diagnostics_for(client, caller, lambda d: d == [])
    await asyncio.sleep(0.2)
    lens_refreshes = client.code_lens_refreshes  # type: ignore[attr-defined]
    await replace_text(
        client,
        helper,
        "from flask import session\n\n\ndef cart_size():\n    return len(session['cart'])\n",
    )
    found = await diagnostics_for(client, caller, lambda d: len(d) == 1)
    assert codes(found) == ["FL101"]
    assert "`cart_size()` (it uses `session`)" in found[0].message

    # The helper's imports changed: lenses (routes) elsewhere may be stale, so the client is
    # asked to re-request them.
    async def refreshed() -> None:
        while client.code_lens_refreshes <= lens_refreshes:  # type: ignore[attr-defined]
            await asyncio.sleep(0.01)

    await asyncio.wait_for(refreshed(), 10)
    assert found[0].related_information
    assert found[0].related_information[0].location.uri == helper


def test_tcp_transport_answers_initialize(tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [*server_command(), "--tcp", f"127.0.0.1:{port}"], stderr=subprocess.PIPE
    )
    try:
        connection = _connect(port)
        body = json.dumps(
            {"jsonrpc": "2.0", "id": 1, "method": "initialize",
             "params": {"processId": None, "rootUri": tmp_path.as_uri(), "capabilities": {}}}
        ).encode()  # fmt: skip
        connection.sendall(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        answer = _read_message(connection)
        assert answer["id"] == 1
        assert answer["result"]["serverInfo"]["name"] == "flask-lsp"
        connection.close()
    finally:
        server.kill()
        server.wait(10)


def _connect(port: int) -> socket.socket:
    return retry(lambda: socket.create_connection(("127.0.0.1", port), timeout=10))


T = TypeVar("T")


def retry(connect: Callable[[], T]) -> T:
    """Connect once the server listens (it takes a moment to start)."""
    for _ in range(100):
        try:
            return connect()
        except OSError:
            time.sleep(0.1)
    raise AssertionError("the server never listened")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def _read_message(connection: socket.socket) -> dict[str, object]:
    data = b""
    while b"\r\n\r\n" not in data:
        data += connection.recv(4096)
    header, _, rest = data.partition(b"\r\n\r\n")
    length = int(header.split(b"Content-Length:")[1].split(b"\r\n")[0])
    while len(rest) < length:
        rest += connection.recv(4096)
    message: dict[str, object] = json.loads(rest[:length])
    return message


def test_websocket_transport_answers_initialize(tmp_path: Path) -> None:
    from websockets.sync.client import connect

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen(
        [*server_command(), "--ws", f"127.0.0.1:{port}"], stderr=subprocess.PIPE
    )
    try:
        for _ in range(100):
            try:
                websocket = connect(f"ws://127.0.0.1:{port}", open_timeout=10)
                break
            except OSError:
                import time

                time.sleep(0.1)
        else:
            raise AssertionError("the WebSocket server never listened")
        with websocket:
            websocket.send(json.dumps(
                {"jsonrpc": "2.0", "id": 1, "method": "initialize",
                 "params": {"processId": None, "rootUri": tmp_path.as_uri(), "capabilities": {}}}
            ))  # fmt: skip
            answer = json.loads(websocket.recv(timeout=10))
        assert answer["id"] == 1
        assert answer["result"]["serverInfo"]["name"] == "flask-lsp"
    finally:
        server.kill()
        server.wait(10)


async def test_file_changed_on_disk_updates_open_callers(
    client: LanguageClient, tmp_path: Path
) -> None:
    """A helper edited outside the editor (git checkout, another tool) is re-read when the
    client reports it through workspace/didChangeWatchedFiles."""
    # The server reads files of its workspace folders only: make tmp_path one.
    client.workspace_did_change_workspace_folders(
        types.DidChangeWorkspaceFoldersParams(
            event=types.WorkspaceFoldersChangeEvent(
                added=[types.WorkspaceFolder(uri=tmp_path.as_uri(), name="tmp")], removed=[]
            )
        )
    )
    package = tmp_path / "shop"
    package.mkdir()
    (package / "__init__.py").write_text("from .helpers import cart_size\n\nSIZE = cart_size()\n")
    helpers = package / "helpers.py"
    helpers.write_text("def cart_size():\n    return 0\n")
    caller = (package / "__init__.py").as_uri()
    await open_document(client, caller, (package / "__init__.py").read_text())
    await diagnostics_for(client, caller, lambda d: d == [])
    helpers.write_text(
        "from flask import session\n\n\ndef cart_size():\n    return len(session['c'])\n"
    )
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=helpers.as_uri(), type=types.FileChangeType.Changed)]
        )
    )
    found = await diagnostics_for(client, caller, lambda d: len(d) == 1)
    assert codes(found) == ["FL101"]
    helpers.unlink()
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            changes=[types.FileEvent(uri=helpers.as_uri(), type=types.FileChangeType.Deleted)]
        )
    )
    await diagnostics_for(client, caller, lambda d: d == [])
