"""Protocol abuse over stdio. Each mistake gets a proper JSON-RPC error (requests) or is ignored
with a log line (notifications), and the server keeps answering: every test ends with a
diagnostics + hover round trip."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from .rawclient import RawServer

APP = "from flask import request\n\nargs = request.args\n"
PARSE_ERROR, INVALID_REQUEST, METHOD_NOT_FOUND, INVALID_PARAMS = -32700, -32600, -32601, -32602
SERVER_NOT_INITIALIZED, REQUEST_CANCELLED = -32002, -32800


@pytest.fixture
def root(tmp_path: Path) -> Path:
    (tmp_path / "app.py").write_text(APP)
    return tmp_path


@pytest.fixture
def server(root: Path) -> Iterator[RawServer]:
    raw = RawServer(root)
    raw.initialize(root)
    yield raw
    raw.close()


def assert_still_answering(server: RawServer, root: Path, name: str = "alive.py") -> None:
    """Open a fresh document, get its FL101, hover over it."""
    uri = (root / name).as_uri()
    server.open(uri, APP)
    (diagnostic,) = server.diagnostics(uri, lambda d: len(d) == 1)
    assert diagnostic["code"] == "FL101"
    hover = server.hover(uri, 2, 8)
    assert "FL101" in hover["result"]["contents"]["value"]


def error_code(message: dict[str, object]) -> object:
    error = message.get("error")
    assert isinstance(error, dict), f"expected an error, got {message}"
    return error["code"]


def test_malformed_json_gets_a_parse_error(server: RawServer, root: Path) -> None:
    for body in [b"{not json", b'{"jsonrpc": "2.0", "id": 1, "method": ', b"\xff\xfe\x00garbage"]:
        server.send_bytes(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        answer = server.response(None)
        assert error_code(answer) == PARSE_ERROR
    assert "malformed message" in server.stderr()
    assert_still_answering(server, root)


def test_valid_json_that_is_not_json_rpc_is_refused(server: RawServer, root: Path) -> None:
    for body in [b"[]", b"42", b'"hello"', b"null", b'{"id": 7, "method": "textDocument/hover"}']:
        server.send_bytes(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    assert error_code(server.response(7)) == INVALID_REQUEST
    assert_still_answering(server, root)


def test_wrong_content_length_costs_only_the_overlapping_messages(
    server: RawServer, root: Path
) -> None:
    body = b'{"jsonrpc": "2.0", "id": 900, "method": "shutdown_typo", "params": null}'
    for number, delta in enumerate([-7, -1, +1, +25]):
        server.send_bytes(b"Content-Length: %d\r\n\r\n" % (len(body) + delta) + body)
        if delta > 0:
            # A long frame swallows the start of the next message; that one is lost.
            server.send_bytes(b"Content-Length: %d\r\n\r\n%s" % (delta + 40, b" " * (delta + 40)))
        assert_still_answering(server, root, f"alive_{number}.py")


def test_absurd_content_length_is_ignored(server: RawServer, root: Path) -> None:
    server.send_bytes(b"Content-Length: 99999999999999\r\n\r\n")
    server.send_bytes(b"Content-Type: application/vscode-jsonrpc\r\njunk without a length\r\n\r\n")
    assert_still_answering(server, root)


def test_unknown_methods(server: RawServer, root: Path) -> None:
    answer = server.call("flask/doesNotExist", {"anything": [1, 2]})
    assert error_code(answer) == METHOD_NOT_FOUND
    server.notify("flask/unknownNotification", {"x": 1})
    server.notify("$/someExtension", None)
    assert_still_answering(server, root)


ILL_TYPED_REQUESTS = [
    ("textDocument/hover", {"textDocument": {"uri": 5}, "position": "top"}),
    ("textDocument/hover", None),
    ("textDocument/hover", {"textDocument": {"uri": "file:///a.py"}, "position": {"line": -1}}),
    ("textDocument/codeAction", {"textDocument": {}, "range": [], "context": 1}),
    ("textDocument/diagnostic", {"textDocument": "app.py"}),
]


def test_wrong_parameter_types_get_invalid_params(server: RawServer, root: Path) -> None:
    for method, params in ILL_TYPED_REQUESTS:
        answer = server.call(method, params)
        assert error_code(answer) == INVALID_PARAMS, (method, params)
    assert_still_answering(server, root)


def test_ill_typed_notifications_are_ignored_with_a_log_line(server: RawServer, root: Path) -> None:
    server.notify("textDocument/didOpen", {"textDocument": 5})
    server.notify("textDocument/didChange", {"contentChanges": "all of it"})
    server.notify("workspace/didChangeConfiguration", [])
    assert_still_answering(server, root)
    assert "ignoring textDocument/didOpen notification" in server.stderr()


def test_positions_past_the_end_of_the_document(server: RawServer, root: Path) -> None:
    uri = (root / "app.py").as_uri()
    server.open(uri, APP)
    server.diagnostics(uri, lambda d: len(d) == 1)
    far = {"line": 1_000_000, "character": 1_000_000}
    document = {"textDocument": {"uri": uri}}
    for method, extra in server.position_requests():  # hover, and whatever else is advertised
        for position in [far, {"line": 2, "character": 1_000_000}, {"line": 9, "character": 0}]:
            answer = server.call(method, {**document, "position": position, **extra})
            assert "error" not in answer, (method, position, answer)
    answer = server.call(
        "textDocument/codeAction",
        {
            "textDocument": {"uri": uri},
            "range": {"start": far, "end": far},
            "context": {"diagnostics": []},
        },
    )
    assert "error" not in answer
    assert_still_answering(server, root)


def test_did_change_for_a_document_never_opened(server: RawServer, root: Path) -> None:
    uri = (root / "never_opened.py").as_uri()
    server.change(uri, 2, {"text": APP})
    server.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
    server.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    assert_still_answering(server, root)
    assert "was never opened" in server.stderr()
    assert "Error in server" not in str(server.seen)


def test_incremental_edits_with_out_of_range_ranges(server: RawServer, root: Path) -> None:
    uri = (root / "edited.py").as_uri()
    server.open(uri, APP)
    server.diagnostics(uri, lambda d: len(d) == 1)
    ranges = [
        ((50, 0), (60, 0)),  # past the last line
        ((2, 500), (2, 900)),  # past the end of a line
        ((2, 5), (0, 0)),  # end before start
        ((0, 0), (99_999, 99_999)),  # from the start to far away
    ]
    for version, (start, end) in enumerate(ranges, 2):
        server.change(
            uri,
            version,
            {
                "range": {
                    "start": {"line": start[0], "character": start[1]},
                    "end": {"line": end[0], "character": end[1]},
                },
                "text": "\nx = 1\n",
            },
        )
    # Then a whole-document change puts things right again.
    server.change(uri, 10, {"text": APP})
    (diagnostic,) = server.diagnostics(uri, lambda d: len(d) == 1)
    assert diagnostic["range"]["start"] == {"line": 2, "character": 7}
    assert_still_answering(server, root)


def test_requests_before_initialize_and_after_shutdown(root: Path) -> None:
    raw = RawServer(root)
    try:
        early = raw.call(
            "textDocument/hover",
            {"textDocument": {"uri": "file:///x.py"}, "position": {"line": 0, "character": 0}},
        )
        assert error_code(early) == SERVER_NOT_INITIALIZED
        raw.notify(
            "textDocument/didOpen",
            {
                "textDocument": {
                    "uri": "file:///x.py",
                    "languageId": "python",
                    "version": 1,
                    "text": APP,
                }
            },
        )
        raw.initialize(root)
        assert_still_answering(raw, root)
        assert raw.call("shutdown")["result"] is None
        late = raw.call(
            "textDocument/hover",
            {"textDocument": {"uri": "file:///x.py"}, "position": {"line": 0, "character": 0}},
        )
        assert error_code(late) == INVALID_REQUEST
        raw.notify("exit")
        assert raw.process.wait(timeout=10) == 0
    finally:
        raw.close()


def test_cancel_request_during_a_long_analysis(root: Path) -> None:
    """A pull-diagnostics request waits for the analysis; cancelling it answers at once with
    RequestCancelled, and the analysis itself still finishes for the next request."""
    raw = RawServer(root)
    try:
        raw.initialize(root, {"textDocument": {"diagnostic": {"dynamicRegistration": False}}})
        uri = (root / "long.py").as_uri()
        long_text = "from flask import request\n" + "x = request.args\n" * 5_000
        raw.open(uri, long_text)
        msg_id = raw.request("textDocument/diagnostic", {"textDocument": {"uri": uri}})
        raw.notify("$/cancelRequest", {"id": msg_id})
        answer = raw.response(msg_id)
        assert "result" in answer or error_code(answer) == REQUEST_CANCELLED
        hover = raw.hover(uri, 1, 6)
        assert "error" not in hover
        report = raw.call("textDocument/diagnostic", {"textDocument": {"uri": uri}}, timeout=60)
        assert len(report["result"]["items"]) == 5_000
    finally:
        raw.close()


def test_a_burst_of_a_thousand_edits(server: RawServer, root: Path) -> None:
    uri = (root / "burst.py").as_uri()
    server.open(uri, APP)
    for version in range(2, 1_002):
        server.change(
            uri, version, {"text": APP + f"n = {version}\n" + "x = request.form\n" * (version % 3)}
        )
    published = server.wait_for(
        lambda m: (
            m.get("method") == "textDocument/publishDiagnostics"
            and m["params"]["uri"] == uri
            and m["params"].get("version") == 1_001
        )
    )
    assert [d["code"] for d in published["params"]["diagnostics"]] == ["FL101"] * (1_001 % 3 + 1)
    assert_still_answering(server, root)
