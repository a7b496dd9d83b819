"""The JSON-RPC edge, hardened: every message a client gets wrong gets a proper answer.

pygls handles well-formed traffic. Without this layer it would:
- say nothing at all to a request whose parameters do not match the method (the client waits
  forever), and pop up "Error in server" for malformed JSON;
- lose its footing for good after one wrong Content-Length (the next header arrives glued to
  the tail of a body, and a header is only recognised at the start of a line);
- answer requests sent before `initialize` with an internal error, and drop requests sent
  after `shutdown` without a reply;
- fail on a `didChange` for a document that was never opened.

Here: a malformed body gets a ParseError (-32700, id null); a request with bad parameters an
InvalidParams (-32602); a request before `initialize` ServerNotInitialized (-32002); a request
after `shutdown` InvalidRequest (-32600). Notifications cannot be answered, so those are ignored
with a log line. The reader finds `Content-Length` anywhere in a header line and refuses absurd
lengths, so a wrong length costs the messages it overlaps and nothing after them.
"""

from __future__ import annotations

import asyncio
import json
import logging
import re
import sys
import threading
from collections.abc import Generator
from functools import partial
from typing import Any, BinaryIO
from urllib.parse import unquote

import attrs
from lsprotocol import types
from pygls.exceptions import JsonRpcException, JsonRpcInvalidParams
from pygls.io_ import StdinAsyncReader, StdoutWriter
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol, lsp_method
from pygls.protocol.json_rpc import RPCRequest

log = logging.getLogger(__name__)

PARSE_ERROR = -32700
INVALID_REQUEST = -32600
SERVER_NOT_INITIALIZED = -32002

# No editor sends a 64 MB message; a length like that is a broken header, not a document.
MAX_CONTENT_LENGTH = 64 * 1024 * 1024
_CONTENT_LENGTH = re.compile(rb"Content-Length:[ \t]*(\d+)", re.IGNORECASE)


@attrs.define
class RejectedMessage:
    """A message whose parameters did not match its method: answered (requests) or dropped."""

    method: str
    id: int | str | None
    reason: str
    jsonrpc: str = "2.0"


class HardenedProtocol(LanguageServerProtocol):
    def _execute_handler(
        self,
        msg_id: Any,
        handler: Any,
        callback: Any,
        args: tuple[Any, ...] | None = None,
        kwargs: dict[str, Any] | None = None,
    ) -> None:
        super()._execute_handler(msg_id, handler, callback, args, kwargs)
        # pygls files the future of every async or generator handler under `msg_id`, but only
        # a request's response removes it again: each notification (every didChange!) would
        # leak one future, with its parameters, for the life of the server.
        is_request = isinstance(callback, partial) and callback.func == self._send_handler_result
        future = None if is_request else self._request_futures.get(msg_id)
        if future is None:
            return
        forget = partial(self._request_futures.pop, msg_id, None)
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            future.add_done_callback(lambda _: forget())
            return
        # Later, on the loop: `shutdown` cancels futures while iterating over this dict, and a
        # thread future runs its callbacks inside cancel().
        future.add_done_callback(lambda _: loop.call_soon_threadsafe(forget))

    def structure_message(self, data: dict[str, Any]) -> Any:
        try:
            return super().structure_message(data)
        except JsonRpcException as error:
            method = data.get("method")
            if not isinstance(method, str):
                raise
            msg_id = data.get("id")
            reason = f"invalid parameters for {method}: {error.message or type(error).__name__}"
            return RejectedMessage(
                method, msg_id if isinstance(msg_id, int | str) else None, reason
            )

    def handle_message(self, message: Any) -> None:
        if isinstance(message, RejectedMessage):
            self._reject(message.id, message.method, JsonRpcInvalidParams.CODE, message.reason)
            return
        method = getattr(message, "method", None)
        request_id = message.id if isinstance(message, RPCRequest) else None
        if method is not None and method != types.EXIT:
            if self._shutdown:
                self._reject(request_id, method, INVALID_REQUEST, "the server is shut down")
                return
            if self._workspace is None and method != types.INITIALIZE:
                self._reject(
                    request_id, method, SERVER_NOT_INITIALIZED, "the server is not initialized"
                )
                return
        super().handle_message(message)

    def _reject(self, msg_id: int | str | None, method: str, code: int, reason: str) -> None:
        if msg_id is None:
            log.warning("ignoring %s notification: %s", method, reason)
            return
        log.warning("refusing %s request %s: %s", method, msg_id, reason)
        self._send_response(msg_id, error=types.ResponseError(code=code, message=reason))

    @lsp_method(types.TEXT_DOCUMENT_DID_CHANGE)
    def lsp_text_document__did_change(
        self, params: types.DidChangeTextDocumentParams
    ) -> Generator[Any, Any, None]:
        uri = params.text_document.uri
        if unquote(uri) not in self.workspace.text_documents:  # pygls keys them unquoted
            log.warning("ignoring didChange for %s: the document was never opened", uri)
            return
        yield from super().lsp_text_document__did_change(params)


class HardenedLanguageServer(LanguageServer):
    """A pygls LanguageServer on the hardened protocol, with a forgiving stdio reader."""

    def __init__(self, name: str, version: str) -> None:
        super().__init__(name, version, protocol_cls=HardenedProtocol)

    def report_server_error(self, error: Exception, source: Any) -> None:
        if isinstance(error, ValueError) and source is JsonRpcException:
            # json.loads failed on a body (JSONDecodeError and UnicodeDecodeError are both
            # ValueErrors): a ParseError to the client, a line in the log, no pop-up.
            log.warning("malformed message from the client: %s", error)
            self.protocol._send_data(
                {
                    "jsonrpc": "2.0",
                    "id": None,
                    "error": {"code": PARSE_ERROR, "message": f"Parse error: {error}"},
                }
            )
            return
        super().report_server_error(error, source)

    def start_io(self, stdin: BinaryIO | None = None, stdout: BinaryIO | None = None) -> None:
        self._stop_event = threading.Event()
        reader = StdinAsyncReader(stdin or sys.stdin.buffer, self.thread_pool)
        self.protocol.set_writer(StdoutWriter(stdout or sys.stdout.buffer))
        try:
            asyncio.run(read_messages(self._stop_event, reader, self))
        except BrokenPipeError:
            log.error("the connection to the client is lost; shutting down")
        except (KeyboardInterrupt, SystemExit):
            pass
        finally:
            self.shutdown()  # type: ignore[no-untyped-call]


async def read_messages(
    stop: threading.Event, reader: StdinAsyncReader, server: HardenedLanguageServer
) -> None:
    """Read `Content-Length`-framed messages until EOF, surviving any garbage in between."""
    length: int | None = None
    while not stop.is_set():
        line = await reader.readline()
        if not line:
            return
        match = _CONTENT_LENGTH.search(line)
        if match is not None:
            # `search`, not a match at the start: after a too-short length the next header
            # arrives glued to the leftover tail of the previous body.
            length = int(match.group(1))
            if length > MAX_CONTENT_LENGTH:
                log.warning("ignoring a message with Content-Length %d", length)
                length = None
            continue
        if line.strip() or length is None:
            continue  # another header (Content-Type), or junk outside any message
        body = await reader.readexactly(length)
        length = None
        if not body:
            return
        try:
            message = json.loads(body, object_hook=server.protocol.structure_message)
        except ValueError as error:  # malformed JSON, or not UTF-8
            server.report_server_error(error, JsonRpcException)
            continue
        except Exception as error:
            log.exception("cannot read a message from the client")
            server.report_server_error(error, JsonRpcException)
            continue
        if not attrs.has(type(message)):
            # Valid JSON but no JSON-RPC message: a batch, a bare value, no "jsonrpc" member.
            msg_id = message.get("id") if isinstance(message, dict) else None
            log.warning("ignoring a body that is not a JSON-RPC 2.0 message: %.200r", body)
            if isinstance(msg_id, int | str):
                server.protocol._send_response(
                    msg_id,
                    error=types.ResponseError(code=INVALID_REQUEST, message="not JSON-RPC 2.0"),
                )
            continue
        try:
            server.protocol.handle_message(message)
        except Exception:
            log.exception("failed to handle a message from the client")
