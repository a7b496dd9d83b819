"""A bare JSON-RPC client over the server's stdio pipes, for what pytest-lsp will not send:
malformed JSON, wrong Content-Length, requests before `initialize`, ill-typed parameters."""

from __future__ import annotations

import json
import os
import queue
import subprocess
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from .conftest import server_command

Message = dict[str, Any]

# Position-based requests, by the server capability that advertises them.
POSITION_FEATURES: dict[str, tuple[str, Message]] = {
    "hoverProvider": ("textDocument/hover", {}),
    "completionProvider": ("textDocument/completion", {}),
    "definitionProvider": ("textDocument/definition", {}),
    "declarationProvider": ("textDocument/declaration", {}),
    "typeDefinitionProvider": ("textDocument/typeDefinition", {}),
    "implementationProvider": ("textDocument/implementation", {}),
    "referencesProvider": ("textDocument/references", {"context": {"includeDeclaration": True}}),
    "documentHighlightProvider": ("textDocument/documentHighlight", {}),
    "signatureHelpProvider": ("textDocument/signatureHelp", {}),
}


class RawServer:
    def __init__(
        self, cwd: Path, env: dict[str, str] | None = None, command: list[str] | None = None
    ) -> None:
        self.stderr_path = cwd / ".flask-lsp-stderr.log" if cwd.is_dir() else None
        self._stderr = open(os.devnull if self.stderr_path is None else self.stderr_path, "wb")  # noqa: SIM115
        self.process = subprocess.Popen(
            command or server_command(),
            cwd=cwd,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self._stderr,
            env={**os.environ, **(env or {})},
        )
        self.messages: queue.Queue[Message] = queue.Queue()
        self.seen: list[Message] = []
        self._next_id = 0
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    # -- wire -------------------------------------------------------------------------------------

    def _read(self) -> None:
        stream = self.process.stdout
        assert stream is not None
        while True:
            length = None
            while True:
                line = stream.readline()
                if not line:
                    return
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
                if line in (b"\r\n", b"\n"):
                    break
            assert length is not None, "the server sent a message without Content-Length"
            self.messages.put(json.loads(stream.read(length)))

    def send_bytes(self, data: bytes) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(data)
        self.process.stdin.flush()

    def send(self, message: Message) -> None:
        body = json.dumps(message).encode("utf-8")
        self.send_bytes(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def request(self, method: str, params: Any = None) -> int:
        self._next_id += 1
        self.send({"jsonrpc": "2.0", "id": self._next_id, "method": method, "params": params})
        return self._next_id

    def notify(self, method: str, params: Any = None) -> None:
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    # -- waiting ----------------------------------------------------------------------------------

    def wait_for(self, predicate: Callable[[Message], bool], timeout: float = 20.0) -> Message:
        for message in self.seen:
            if predicate(message):
                self.seen.remove(message)
                return message
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError(f"no matching message in {timeout}s; stderr:\n{self.stderr()}")
            try:
                message = self.messages.get(timeout=remaining)
            except queue.Empty:
                continue
            if self._answer_server_request(message):
                continue
            if predicate(message):
                return message
            self.seen.append(message)

    def _answer_server_request(self, message: Message) -> bool:
        """Say yes to what the server asks of the client (registrations, progress tokens)."""
        if "method" in message and "id" in message:
            self.send({"jsonrpc": "2.0", "id": message["id"], "result": None})
            return True
        return False

    def response(self, msg_id: int | None, timeout: float = 20.0) -> Message:
        return self.wait_for(lambda m: "method" not in m and m.get("id") == msg_id, timeout)

    def call(self, method: str, params: Any = None, timeout: float = 20.0) -> Message:
        return self.response(self.request(method, params), timeout)

    def diagnostics(
        self, uri: str, predicate: Callable[[list[Message]], bool] = lambda d: True
    ) -> list[Message]:
        message = self.wait_for(
            lambda m: (
                m.get("method") == "textDocument/publishDiagnostics"
                and m["params"]["uri"] == uri
                and predicate(m["params"]["diagnostics"])
            )
        )
        return list(message["params"]["diagnostics"])

    def log_message(self, fragment: str, timeout: float = 20.0) -> Message:
        return self.wait_for(
            lambda m: (
                m.get("method") in ("window/logMessage", "window/showMessage")
                and fragment in m["params"]["message"]
            ),
            timeout,
        )

    def stderr(self) -> str:
        if self.stderr_path is None or not self.stderr_path.exists():
            return ""
        return self.stderr_path.read_text(encoding="utf-8", errors="replace")

    # -- session --------------------------------------------------------------------------------

    def initialize(self, root: Path, capabilities: Message | None = None) -> Message:
        answer = self.call(
            "initialize",
            {
                "processId": os.getpid(),
                "rootUri": root.as_uri(),
                "capabilities": capabilities or {},
                "workspaceFolders": [{"uri": root.as_uri(), "name": root.name}],
            },
        )
        self.notify("initialized", {})
        self.capabilities: Message = answer.get("result", {}).get("capabilities", {})
        return answer

    def position_requests(self) -> list[tuple[str, Message]]:
        """Every position-based request the server advertises, with its extra parameters."""
        return [
            (method, extra)
            for capability, (method, extra) in POSITION_FEATURES.items()
            if self.capabilities.get(capability)
        ]

    def open(self, uri: str, text: str, version: int = 1) -> None:
        self.notify(
            "textDocument/didOpen",
            {
                "textDocument": {
                    "uri": uri,
                    "languageId": "python",
                    "version": version,
                    "text": text,
                }
            },
        )

    def change(self, uri: str, version: int, *changes: Message) -> None:
        self.notify(
            "textDocument/didChange",
            {"textDocument": {"uri": uri, "version": version}, "contentChanges": list(changes)},
        )

    def hover(self, uri: str, line: int, character: int) -> Message:
        return self.call(
            "textDocument/hover",
            {"textDocument": {"uri": uri}, "position": {"line": line, "character": character}},
        )

    def close(self) -> int:
        """Shut down politely if possible; returns the exit code."""
        if self.process.poll() is None:
            try:
                self.call("shutdown", None, timeout=5)
                self.notify("exit")
                self.process.wait(timeout=5)
            except (TimeoutError, OSError, subprocess.TimeoutExpired):
                self.process.kill()
                self.process.wait(timeout=5)
        self._stderr.close()
        return self.process.returncode
