"""Hostile input end to end: odd documents, a hostile workspace on disk, files vanishing while
open, and a document too big to analyse in time. The server answers through all of it."""

from __future__ import annotations

import os
import random
from pathlib import Path

from .rawclient import RawServer
from .test_hostile_protocol import APP, assert_still_answering

ODD_DOCUMENTS = {
    "bom.py": ("\ufeff" + APP, (2, 7)),
    "crlf.py": (APP.replace("\n", "\r\n"), (2, 7)),
    "lone_cr.py": (APP.replace("\n", "\r"), (2, 7)),
    "nul.py": (APP.replace("\n\n", "\x00\n\n"), (2, 7)),
    "tabs.py": ("from flask import request\nif True:\n\targs = request.args\n", (2, 8)),
    # UTF-16 columns: the emoji counts two, the accented letter one.
    "emoji.py": ("from flask import request\ns = '😀é'; args = request.args\n", (1, 18)),
    "astral.py": (
        "from flask import request\ns = '\U0001d518\U0001d518'; a = request.args\n",
        (1, 16),
    ),
    "one_mb_line.py": (
        "from flask import request\nBLOB = '" + "😀" * 250_000 + "'; a = request.args\n",
        (1, 500_015),
    ),
    "with space and é.py": (APP, (2, 7)),  # a percent-encoded URI
    "deep.py": ("from flask import request\nx = " + "[" * 10_000 + "\na = request.args\n", (2, 4)),
    "deep_ops.py": (
        "from flask import request\nx = " + "-" * 20_000 + "1\na = request.args\n",
        (2, 4),
    ),
}


def test_odd_documents_get_diagnostics_at_the_right_utf16_positions(tmp_path: Path) -> None:
    server = RawServer(tmp_path)
    try:
        server.initialize(tmp_path)
        for name, (text, (line, character)) in ODD_DOCUMENTS.items():
            uri = (tmp_path / name).as_uri()
            server.open(uri, text)
            (diagnostic,) = server.diagnostics(uri, lambda d: len(d) == 1)
            assert diagnostic["range"]["start"] == {"line": line, "character": character}, name
            server.change(uri, 2, {"text": text + "more = request.form\n"})
            server.diagnostics(uri, lambda d: len(d) == 2)
        assert_still_answering(server, tmp_path)
    finally:
        server.close()


def hostile_workspace(root: Path) -> None:
    (root / "app.py").write_text(APP)
    (root / "latin1.py").write_bytes(b"# caf\xe9\n" + APP.encode())
    (root / "binary.py").write_bytes(bytes(random.Random(1).randrange(256) for _ in range(8192)))
    (root / "cookie.py").write_bytes(b"# -*- coding: klingon -*-\n" + APP.encode())
    os.mkfifo(root / "pipe.py")
    (root / "zero.py").symlink_to("/dev/zero")
    (root / "pkg").mkdir()
    (root / "pkg" / "loop").symlink_to(root, target_is_directory=True)
    (root / "pkg" / "dangling.py").symlink_to(root / "nowhere.py")


def test_a_hostile_workspace_on_disk_is_indexed_without_hanging(tmp_path: Path) -> None:
    hostile_workspace(tmp_path)
    server = RawServer(tmp_path, env={"PYTHONWARNINGS": "ignore"})
    try:
        server.initialize(tmp_path)
        assert_still_answering(server, tmp_path)
        latin1 = tmp_path / "latin1.py"
        server.open(latin1.as_uri(), latin1.read_bytes().decode("latin-1"))
        (diagnostic,) = server.diagnostics(latin1.as_uri(), lambda d: len(d) == 1)
        assert diagnostic["code"] == "FL101"
    finally:
        server.close()


def watched(server: RawServer, *changes: tuple[Path, int]) -> None:
    server.notify(
        "workspace/didChangeWatchedFiles",
        {"changes": [{"uri": path.as_uri(), "type": kind} for path, kind in changes]},
    )


CREATED, CHANGED, DELETED = 1, 2, 3


def test_files_deleted_renamed_or_unreadable_while_open(tmp_path: Path) -> None:
    app = tmp_path / "app.py"
    app.write_text(APP)
    server = RawServer(tmp_path)
    try:
        server.initialize(tmp_path)
        server.open(app.as_uri(), APP)
        server.diagnostics(app.as_uri(), lambda d: len(d) == 1)

        app.unlink()  # deleted on disk while open: the editor's text still counts
        watched(server, (app, DELETED))
        server.change(app.as_uri(), 2, {"text": APP + "more = request.form\n"})
        server.diagnostics(app.as_uri(), lambda d: len(d) == 2)
        server.notify("textDocument/didClose", {"textDocument": {"uri": app.as_uri()}})
        server.diagnostics(app.as_uri(), lambda d: d == [])

        moved = tmp_path / "moved.py"
        moved.write_text(APP)  # renamed: the old name deleted, the new one created
        watched(server, (app, DELETED), (moved, CREATED))

        unreadable = tmp_path / "unreadable.py"
        unreadable.mkdir()  # a folder named like a file: reading it fails, even as root
        watched(server, (unreadable, CHANGED))
        server.open(unreadable.as_uri(), APP)
        server.diagnostics(unreadable.as_uri(), lambda d: len(d) == 1)
        server.notify("textDocument/didClose", {"textDocument": {"uri": unreadable.as_uri()}})

        outside = tmp_path.parent / f"{tmp_path.name}_outside.py"
        outside.write_text(APP)
        watched(server, (outside, CHANGED))  # not the workspace's: not read
        assert_still_answering(server, tmp_path)
        assert "outside the workspace folders" in server.stderr()
        outside.unlink()
    finally:
        server.close()


def test_a_document_over_the_time_bound_keeps_its_last_diagnostics(tmp_path: Path) -> None:
    server = RawServer(tmp_path, env={"FLASK_LSP_TIME_LIMIT": "0.2"})
    try:
        server.initialize(tmp_path)
        uri = (tmp_path / "huge.py").as_uri()
        server.open(uri, APP)
        server.diagnostics(uri, lambda d: len(d) == 1)
        server.change(uri, 2, {"text": APP + "x = request.args\n" * 30_000})
        warning = server.log_message("was stopped")
        assert "took over 0.2s" in warning["params"]["message"]
        assert_still_answering(server, tmp_path)
        # Back to a size that fits the bound: diagnostics flow again.
        server.change(uri, 3, {"text": APP + "x = request.args\n"})
        server.diagnostics(uri, lambda d: len(d) == 2)
        assert server.stderr().count("was stopped") == 1
    finally:
        server.close()


def test_hover_is_answered_while_a_long_analysis_runs(tmp_path: Path) -> None:
    server = RawServer(tmp_path)
    try:
        server.initialize(tmp_path)
        small = (tmp_path / "small.py").as_uri()
        server.open(small, APP)
        server.diagnostics(small, lambda d: len(d) == 1)
        big = (tmp_path / "big.py").as_uri()
        server.open(big, APP + "x = request.args\n" * 20_000)
        hover_id = server.request(
            "textDocument/hover",
            {"textDocument": {"uri": small}, "position": {"line": 2, "character": 8}},
        )
        first = server.wait_for(
            lambda m: (
                m.get("id") == hover_id
                or (
                    m.get("method") == "textDocument/publishDiagnostics"
                    and m["params"]["uri"] == big
                )
            )
        )
        assert first.get("id") == hover_id, "the hover waited for the long analysis"
        assert "FL101" in first["result"]["contents"]["value"]
    finally:
        server.close()
