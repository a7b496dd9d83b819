"""Memory per edit: nothing may pile up per notification (scripts/soak.py measures the RSS)."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any

from flask_lsp.server import create_server


class _Sink:
    def write(self, data: bytes) -> None:
        pass

    def close(self) -> None:
        pass


def _feed(server: Any, message: dict[str, Any]) -> None:
    body = json.dumps({"jsonrpc": "2.0", **message})
    server.protocol.handle_message(json.loads(body, object_hook=server.protocol.structure_message))


async def test_notifications_leave_no_pending_futures_behind(tmp_path: Path) -> None:
    server = create_server()
    server.protocol.set_writer(_Sink())
    uri = (tmp_path / "app.py").as_uri()
    _feed(server, {"id": 1, "method": "initialize", "params": {"capabilities": {}}})
    _feed(server, {"method": "initialized", "params": {}})
    document = {"uri": uri, "languageId": "python", "version": 1, "text": "x = 1\n"}
    _feed(server, {"method": "textDocument/didOpen", "params": {"textDocument": document}})
    for version in range(2, 502):
        _feed(
            server,
            {
                "method": "textDocument/didChange",
                "params": {
                    "textDocument": {"uri": uri, "version": version},
                    "contentChanges": [{"text": f"x = {version}\n"}],
                },
            },
        )
    _feed(server, {"method": "textDocument/didClose", "params": {"textDocument": {"uri": uri}}})
    for _ in range(100):
        await asyncio.sleep(0.02)
        if len(server.protocol._request_futures) == 0:
            break
    assert len(server.protocol._request_futures) == 0
    server.analysis_executor.shutdown(wait=True)
