#!/usr/bin/env python3
"""Benchmark flask-lsp as an editor drives it: over stdio, with real JSON-RPC traffic.

The client here is a small hand-written JSON-RPC client on asyncio subprocess pipes, so that a
timing is the wall time from the moment the request's last byte is written to the moment the
answer's last byte is read, with nothing else in between (no client framework, no validation).

What it measures (figures as a table, and as JSON with --json FILE):

* cold start: spawn the server and time the ``initialize`` answer (small workspace), N times;
* with a generated workspace of --files files (one of them a --lines-line module), the time
  from ``initialized`` until the server is idle again (workspace indexed), and its resident
  memory then (children included);
* ``didOpen`` of the large module to its first ``publishDiagnostics``;
* ``didChange`` to ``publishDiagnostics``, p50/p95 over --edits single-character edits typed
  into a string literal in the middle of the module (incremental sync when the server offers
  it, so every edit is a one-character range);
* hover, completion (inside ``url_for("``) and codeAction (on findings) p50/p95 over
  --requests requests each.

    python scripts/bench_lsp.py                      # full run: 1,000 files, 3,000 lines, 200 edits
    python scripts/bench_lsp.py --json out.json      # and write the figures as JSON
    python scripts/bench_lsp.py --files 10 --lines 300 --edits 5 --requests 5 --cold-runs 1
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import math
import os
import platform
import re
import shlex
import shutil
import signal
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
from genworkspace import Module, byte_compile_flask_lsp, generate_workspace

TARGETS_MS = {
    "initialize_cold": 500.0,
    "did_change_p95": 50.0,
    "hover_p95": 30.0,
    "completion_p95": 50.0,
}
TARGET_RSS_MB = 200.0

Json = Any


class LspError(Exception):
    """The server answered a request with an error."""


class ServerGone(Exception):
    """The server closed its output (exited or crashed)."""


@dataclass
class _Waiter:
    method: str
    predicate: Callable[[Json], bool]
    future: asyncio.Future[tuple[Json, float]]


@dataclass
class LspClient:
    """A minimal LSP client speaking JSON-RPC 2.0 over a child process's stdin/stdout."""

    command: list[str]
    cwd: Path
    stderr_path: Path
    settings: dict[str, Any] = field(default_factory=dict)
    proc: asyncio.subprocess.Process | None = None
    spawned_at: float = 0.0
    _next_id: int = 0
    _pending: dict[int, asyncio.Future[tuple[Json, float]]] = field(default_factory=dict)
    _waiters: list[_Waiter] = field(default_factory=list)
    _reader: asyncio.Task[None] | None = None
    _stderr: Any = None
    progress_open: set[str] = field(default_factory=set)
    last_diagnostics: dict[str, list[Json]] = field(default_factory=dict)
    folders: list[Json] = field(default_factory=list)

    async def start(self) -> None:
        self._stderr = self.stderr_path.open("wb")
        self.spawned_at = time.perf_counter()
        self.proc = await asyncio.create_subprocess_exec(
            *self.command,
            cwd=self.cwd,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            stderr=self._stderr,
        )
        self._reader = asyncio.create_task(self._read_loop())

    @property
    def pid(self) -> int:
        assert self.proc is not None
        return self.proc.pid

    # ---- wire ----------------------------------------------------------------------------

    async def _send(self, message: Json) -> None:
        assert self.proc is not None and self.proc.stdin is not None
        body = json.dumps(message, separators=(",", ":")).encode("utf-8")
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        await self.proc.stdin.drain()

    async def _read_loop(self) -> None:
        assert self.proc is not None and self.proc.stdout is not None
        out = self.proc.stdout
        try:
            while True:
                length = -1
                while True:
                    line = await out.readline()
                    if not line:
                        raise ServerGone("server closed stdout")
                    line = line.strip()
                    if not line:
                        break
                    name, _, value = line.decode("ascii").partition(":")
                    if name.strip().lower() == "content-length":
                        length = int(value)
                if length < 0:
                    continue
                body = await out.readexactly(length)
                received = time.perf_counter()
                await self._dispatch(json.loads(body), received)
        except (ServerGone, asyncio.IncompleteReadError, ConnectionError) as exc:
            gone = ServerGone(str(exc) or "server closed stdout")
            for fut in self._pending.values():
                if not fut.done():
                    fut.set_exception(gone)
            for waiter in self._waiters:
                if not waiter.future.done():
                    waiter.future.set_exception(gone)

    async def _dispatch(self, msg: Json, received: float) -> None:
        if "method" not in msg:
            fut = self._pending.pop(msg.get("id"), None)
            if fut is not None and not fut.done():
                if "error" in msg:
                    fut.set_exception(LspError(json.dumps(msg["error"])))
                else:
                    fut.set_result((msg.get("result"), received))
            return
        method = msg["method"]
        params = msg.get("params")
        if "id" in msg:  # a request from the server
            await self._send({"jsonrpc": "2.0", "id": msg["id"], "result": self._answer(msg)})
            return
        if method == "$/progress" and isinstance(params, dict):
            token = str(params.get("token"))
            kind = (params.get("value") or {}).get("kind")
            if kind == "begin":
                self.progress_open.add(token)
            elif kind == "end":
                self.progress_open.discard(token)
        if method == "textDocument/publishDiagnostics":
            self.last_diagnostics[params["uri"]] = params.get("diagnostics", [])
        for waiter in list(self._waiters):
            if waiter.method == method and not waiter.future.done() and waiter.predicate(params):
                waiter.future.set_result((params, received))
                self._waiters.remove(waiter)

    def _answer(self, msg: Json) -> Json:
        method = msg["method"]
        if method == "workspace/configuration":
            items = (msg.get("params") or {}).get("items", [])
            return [self.settings for _ in items]
        if method == "workspace/workspaceFolders":
            return self.folders
        return None  # registerCapability, workDoneProgress/create, refresh requests...

    # ---- API -----------------------------------------------------------------------------

    async def request(self, method: str, params: Json, timeout: float = 60.0) -> tuple[Json, float]:
        """Send a request; return (result, seconds from last byte written to answer read)."""
        self._next_id += 1
        rid = self._next_id
        fut: asyncio.Future[tuple[Json, float]] = asyncio.get_running_loop().create_future()
        self._pending[rid] = fut
        await self._send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params})
        sent = time.perf_counter()
        result, received = await asyncio.wait_for(fut, timeout)
        return result, received - sent

    async def notify(self, method: str, params: Json) -> float:
        await self._send({"jsonrpc": "2.0", "method": method, "params": params})
        return time.perf_counter()

    def expect(
        self, method: str, predicate: Callable[[Json], bool]
    ) -> asyncio.Future[tuple[Json, float]]:
        """A future for the next notification ``method`` whose params satisfy ``predicate``."""
        fut: asyncio.Future[tuple[Json, float]] = asyncio.get_running_loop().create_future()
        self._waiters.append(_Waiter(method, predicate, fut))
        return fut

    async def stop(self) -> None:
        if self.proc is None:
            return
        with contextlib.suppress(Exception):
            await self.request("shutdown", None, timeout=5)
            await self.notify("exit", None)
        try:
            await asyncio.wait_for(self.proc.wait(), 5)
        except asyncio.TimeoutError:
            self.proc.kill()
            await self.proc.wait()
        if self._reader is not None:
            self._reader.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._reader
        if self._stderr is not None:
            self._stderr.close()


# ---- helpers -------------------------------------------------------------------------------


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100) of a non-empty list."""
    ordered = sorted(values)
    rank = max(1, math.ceil(q / 100 * len(ordered)))
    return ordered[rank - 1]


def summary_ms(values: list[float]) -> dict[str, Any]:
    if not values:
        return {"n": 0}
    ms = [v * 1000 for v in values]
    return {
        "n": len(ms),
        "p50": round(percentile(ms, 50), 2),
        "p95": round(percentile(ms, 95), 2),
        "max": round(max(ms), 2),
        "first": round(ms[0], 2),
    }


def rss_mb(pid: int) -> float:
    proc = psutil.Process(pid)
    total = proc.memory_info().rss
    for child in proc.children(recursive=True):
        with contextlib.suppress(psutil.Error):
            total += child.memory_info().rss
    return total / (1024 * 1024)


def cpu_seconds(pid: int) -> float:
    proc = psutil.Process(pid)
    times = proc.cpu_times()
    total = times.user + times.system
    for child in proc.children(recursive=True):
        with contextlib.suppress(psutil.Error):
            t = child.cpu_times()
            total += t.user + t.system
    return total


async def wait_idle(
    client: LspClient, window: float = 0.5, limit: float = 600.0, busy_share: float = 0.05
) -> float:
    """Wait until no progress is open and the server used < busy_share CPU for ``window`` s.

    Returns seconds from the call until the start of that quiet window (the work's end)."""
    start = time.perf_counter()
    samples: list[tuple[float, float]] = [(start, cpu_seconds(client.pid))]
    while True:
        await asyncio.sleep(0.05)
        now = time.perf_counter()
        samples.append((now, cpu_seconds(client.pid)))
        if now - start > limit:
            return now - start
        old = [s for s in samples if s[0] <= now - window]
        if not old:
            continue
        t0, c0 = old[-1]
        if not client.progress_open and (samples[-1][1] - c0) < busy_share * (now - t0):
            return max(0.0, t0 - start)


def capabilities_summary(caps: Json) -> dict[str, Any]:
    sync = caps.get("textDocumentSync")
    if isinstance(sync, dict):
        sync = sync.get("change")
    return {
        "text_document_sync": {0: "none", 1: "full", 2: "incremental"}.get(sync, str(sync)),
        "hover": bool(caps.get("hoverProvider")),
        "completion": caps.get("completionProvider") is not None,
        "code_action": bool(caps.get("codeActionProvider")),
        "code_lens": caps.get("codeLensProvider") is not None,
        "pull_diagnostics": caps.get("diagnosticProvider") is not None,
    }


CLIENT_CAPABILITIES: Json = {
    "general": {"positionEncodings": ["utf-16"]},
    "window": {"workDoneProgress": True},
    "workspace": {
        "configuration": True,
        "workspaceFolders": True,
        "didChangeConfiguration": {"dynamicRegistration": True},
    },
    "textDocument": {
        "synchronization": {"didSave": True, "dynamicRegistration": False},
        "publishDiagnostics": {"versionSupport": True, "relatedInformation": True},
        "hover": {"contentFormat": ["markdown", "plaintext"]},
        "completion": {
            "completionItem": {"snippetSupport": False, "documentationFormat": ["markdown"]},
            "contextSupport": True,
        },
        "codeAction": {
            "codeActionLiteralSupport": {
                "codeActionKind": {"valueSet": ["", "quickfix", "refactor", "source"]}
            },
            "dataSupport": True,
        },
        "codeLens": {},
    },
}


def default_server_command() -> list[str]:
    exe = Path(sys.executable).with_name("flask-lsp")
    if exe.exists():
        return [str(exe)]
    found = shutil.which("flask-lsp")
    if found:
        return [found]
    return [sys.executable, "-m", "flask_lsp"]


async def initialize(client: LspClient, root: Path) -> tuple[Json, float]:
    uri = root.as_uri()
    client.folders = [{"uri": uri, "name": root.name}]
    params = {
        "processId": os.getpid(),
        "clientInfo": {"name": "flask-lsp-bench", "version": "1"},
        "rootUri": uri,
        "rootPath": str(root),
        "workspaceFolders": client.folders,
        "capabilities": CLIENT_CAPABILITIES,
        "initializationOptions": client.settings,
        "trace": "off",
    }
    result, _ = await client.request("initialize", params, timeout=120)
    answered = time.perf_counter()
    await client.notify("initialized", {})
    return result, answered - client.spawned_at


# ---- scenarios -----------------------------------------------------------------------------


async def cold_starts(command: list[str], runs: int, tmp: Path) -> tuple[list[float], list[float]]:
    """Spawn-to-initialize-answer seconds, ``runs`` times, on a 10-file workspace; and the
    server's CPU seconds until then (the same figure, minus the machine's other load)."""
    root = tmp / "cold"
    generate_workspace(root, files=10, seed=1)
    byte_compile_flask_lsp()
    times: list[float] = []
    cpu: list[float] = []
    # Run 0 is a warm-up, as any earlier start of the server is for a user: it writes the
    # start-up cache (see flask_lsp/startup.py). It is not counted.
    for k in range(runs + 1):
        client = LspClient(command, root, tmp / f"cold-{k}.stderr")
        await client.start()
        try:
            _, seconds = await initialize(client, root)
            if k > 0:
                times.append(seconds)
                cpu.append(cpu_seconds(client.pid))
        finally:
            await client.stop()
    return times, cpu


async def start_py_spy(
    pid: int, folder: Path | None, name: str, log: Callable[[str], None]
) -> asyncio.subprocess.Process | None:
    """With --py-spy DIR: sample the server while it works (collapsed stacks in DIR, which
    speedscope and flamegraph.pl read; --py-spy also prints the hottest functions)."""
    if folder is None:
        return None
    exe = Path(sys.executable).with_name("py-spy")
    if not exe.exists():
        log("py-spy is not installed (pip install -e '.[bench]'); not profiling")
        return None
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{name}.collapsed.txt"
    log(f"py-spy: profiling the server into {target}")
    return await asyncio.create_subprocess_exec(
        str(exe),
        "record",
        "--pid",
        str(pid),
        "--rate",
        "250",
        "--format",
        "raw",
        "--output",
        str(target),
        stdout=asyncio.subprocess.DEVNULL,
        stderr=asyncio.subprocess.DEVNULL,
    )


async def stop_py_spy(spy: asyncio.subprocess.Process | None) -> None:
    if spy is None:
        return
    spy.send_signal(signal.SIGINT)
    try:
        await asyncio.wait_for(spy.wait(), 30)
    except asyncio.TimeoutError:
        spy.kill()
        await spy.wait()


def hottest(collapsed: Path, top: int = 25) -> str:
    """Self and total sample shares per function from py-spy's collapsed stacks."""
    own: dict[str, int] = {}
    total: dict[str, int] = {}
    samples = 0
    for line in collapsed.read_text(encoding="utf-8", errors="replace").splitlines():
        stack, _, count_text = line.rpartition(" ")
        if not stack or not count_text.isdigit():
            continue
        count = int(count_text)
        # "func (path/file.py:123)" -> "func (path/file.py)": one row per function.
        frames = [re.sub(r":\d+\)$", ")", frame) for frame in stack.split(";")]
        samples += count
        own[frames[-1]] = own.get(frames[-1], 0) + count
        for frame in set(frames):
            total[frame] = total.get(frame, 0) + count
    if not samples:
        return "no samples"
    rows = [f"{'self%':>6} {'total%':>6}  function (file:line)"]
    for frame, count in sorted(own.items(), key=lambda kv: -kv[1])[:top]:
        rows.append(f"{100 * count / samples:6.1f} {100 * total[frame] / samples:6.1f}  {frame}")
    return "\n".join(rows)


# What the code-typing scenario types at the end of a statement, one character at a time.
CODE_TYPED = '; page_size = request.args.get("size", type=int)'


async def editing_session(
    command: list[str], args: argparse.Namespace, tmp: Path, log: Callable[[str], None]
) -> dict[str, Any]:
    root = tmp / "workspace"
    ws = generate_workspace(root, files=args.files, seed=args.seed, big_lines=args.lines)
    assert ws.big is not None and ws.big_path is not None
    big: Module = ws.big
    out: dict[str, Any] = {
        "workspace_files": len(ws.files),
        "workspace_lines": ws.lines,
        "module_lines": big.line_count,
    }
    log(f"workspace: {len(ws.files)} files, {ws.lines} lines; module {big.line_count} lines")
    client = LspClient(command, root, tmp / "session.stderr")
    await client.start()
    try:
        result, init_s = await initialize(client, root)
        caps = capabilities_summary(result.get("capabilities", {}))
        out["initialize_s"] = round(init_s, 4)
        out["capabilities"] = caps
        out["rss_after_initialize_mb"] = round(rss_mb(client.pid), 1)
        out["index_s"] = round(await wait_idle(client), 3)
        out["rss_indexed_mb"] = round(rss_mb(client.pid), 1)
        log(
            f"initialize {init_s * 1000:.0f} ms; indexed in ~{out['index_s']:.2f} s; "
            f"RSS {out['rss_indexed_mb']:.0f} MB"
        )

        uri = ws.big_path.as_uri()
        lines = big.text.split("\n")
        version = 1

        def for_doc(v: int) -> Callable[[Json], bool]:
            return lambda p: (
                p.get("uri") == uri and (p.get("version") in (None,) or p["version"] >= v)
            )

        fut = client.expect("textDocument/publishDiagnostics", for_doc(version))
        sent = await client.notify(
            "textDocument/didOpen",
            {"textDocument": {"uri": uri, "languageId": "python", "version": 1, "text": big.text}},
        )
        try:
            params, received = await asyncio.wait_for(fut, 60)
            out["did_open_to_diagnostics_ms"] = round((received - sent) * 1000, 2)
            out["diagnostics_in_module"] = len(params.get("diagnostics", []))
            log(
                f"didOpen -> diagnostics {out['did_open_to_diagnostics_ms']:.1f} ms "
                f"({out['diagnostics_in_module']} diagnostics)"
            )
        except asyncio.TimeoutError:
            out["did_open_to_diagnostics_ms"] = None
            log("didOpen -> no diagnostics within 60 s")

        # ---- typing ----
        spy = await start_py_spy(client.pid, args.py_spy, "editing", log)
        incremental = caps["text_document_sync"] == "incremental"

        async def type_chars(places: list[tuple[int, int, str]]) -> dict[str, Any]:
            """Type each (line, column, character), one didChange each; time the
            publishDiagnostics of each version."""
            nonlocal version
            change_times: list[float] = []
            change_cpu: list[float] = []  # server CPU seconds per edit: robust to machine load
            timeouts = 0
            for row, col, char in places:
                line = lines[row]
                lines[row] = line[:col] + char + line[col:]
                version += 1
                if incremental:
                    pos = {"line": row, "character": col}
                    change: Json = {"range": {"start": pos, "end": pos}, "text": char}
                else:
                    change = {"text": "\n".join(lines)}
                fut = client.expect("textDocument/publishDiagnostics", for_doc(version))
                cpu_before = cpu_seconds(client.pid)
                sent = await client.notify(
                    "textDocument/didChange",
                    {"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]},
                )
                try:
                    _, received = await asyncio.wait_for(fut, args.change_timeout)
                    change_times.append(received - sent)
                    change_cpu.append(cpu_seconds(client.pid) - cpu_before)
                except asyncio.TimeoutError:
                    timeouts += 1
                    client._waiters = [w for w in client._waiters if w.future is not fut]
            stats = summary_ms(change_times)
            stats["timeouts"] = timeouts
            cpu_stats = summary_ms(change_cpu)
            stats["server_cpu_p50"] = cpu_stats.get("p50")
            stats["server_cpu_p95"] = cpu_stats.get("p95")
            stats["sync"] = "incremental" if incremental else "full"
            return stats

        # Into a string literal in a view: every version is valid Python.
        site = big.edit_sites[len(big.edit_sites) // 2]
        alphabet = "abcdefghijklmnopqrstuvwxyz "
        out["did_change"] = await type_chars(
            [
                (site.line, site.character + k, alphabet[k % len(alphabet)])
                for k in range(args.edits)
            ]
        )
        log(f"didChange -> diagnostics: {out['did_change']}")
        # Code, at the end of statements in other views: a call typed character by character,
        # so that about a third of the versions do not parse (`x =`, `request.`, `get("`).
        places = []
        for other in big.edit_sites[len(big.edit_sites) // 2 + 1 :]:
            end = len(lines[other.line])
            places += [(other.line, end + k, char) for k, char in enumerate(CODE_TYPED)]
        out["did_change_code"] = await type_chars(places[: args.edits])
        log(f"didChange (typing code) -> diagnostics: {out['did_change_code']}")

        # ---- requests ----
        doc = {"uri": uri}

        async def timed(method: str, make: Callable[[int], Json]) -> dict[str, Any]:
            times: list[float] = []
            errors = 0
            first: Json = None
            for k in range(args.requests):
                try:
                    res, seconds = await client.request(method, make(k), timeout=30)
                except (LspError, asyncio.TimeoutError) as exc:
                    errors += 1
                    if errors == 1:
                        log(f"{method}: {str(exc)[:200]}")
                    continue
                if first is None:
                    first = res
                times.append(seconds)
            stats = summary_ms(times)
            stats["errors"] = errors
            stats["sample"] = describe(method, first)
            return stats

        def at(positions: list[Any], k: int) -> Json:
            p = positions[k % len(positions)]
            return {"line": p.line, "character": p.character}

        if caps["hover"]:
            out["hover"] = await timed(
                "textDocument/hover",
                lambda k: {"textDocument": doc, "position": at(big.hovers, k)},
            )
        else:
            out["hover"] = {"n": 0, "missing": "server does not advertise hoverProvider"}
        log(f"hover: {out['hover']}")
        if caps["completion"]:
            out["completion"] = await timed(
                "textDocument/completion",
                lambda k: {
                    "textDocument": doc,
                    "position": at(big.completions, k),
                    "context": {"triggerKind": 1},
                },
            )
        else:
            out["completion"] = {"n": 0, "missing": "server does not advertise completionProvider"}
        log(f"completion: {out['completion']}")
        diags = client.last_diagnostics.get(uri, [])
        if caps["code_action"]:

            def action_params(k: int) -> Json:
                if diags:
                    d = diags[k % len(diags)]
                    return {
                        "textDocument": doc,
                        "range": d["range"],
                        "context": {"diagnostics": [d], "triggerKind": 1},
                    }
                pos = at(big.findings, k)
                return {
                    "textDocument": doc,
                    "range": {"start": pos, "end": pos},
                    "context": {"diagnostics": [], "triggerKind": 1},
                }

            out["code_action"] = await timed("textDocument/codeAction", action_params)
        else:
            out["code_action"] = {"n": 0, "missing": "server does not advertise codeActionProvider"}
        log(f"codeAction: {out['code_action']}")
        out["rss_end_mb"] = round(rss_mb(client.pid), 1)
        await stop_py_spy(spy)
    finally:
        await client.stop()
    return out


def describe(method: str, result: Json) -> str:
    """A short human description of one answer, to show the feature actually answered."""
    if result is None:
        return "null"
    if method == "textDocument/completion":
        items = result.get("items", []) if isinstance(result, dict) else result
        labels = [i.get("label", "?") for i in items[:3]]
        return f"{len(items)} items {labels}"
    if method == "textDocument/codeAction":
        return f"{len(result)} actions {[a.get('title', '?')[:40] for a in result[:2]]}"
    if method == "textDocument/hover":
        contents = result.get("contents")
        text = contents.get("value", "") if isinstance(contents, dict) else str(contents)
        return f"{len(text)} chars: {text[:60]!r}"
    return str(result)[:80]


# ---- reporting -----------------------------------------------------------------------------


def verdict(value: float | None, target: float) -> str:
    if value is None:
        return "n/a"
    return "met" if value <= target else "MISSED"


def table(results: dict[str, Any]) -> str:
    s = results["session"]
    rows: list[tuple[str, str, str, str]] = []
    cold = results["cold_start_s"]
    cold_med = sorted(cold)[len(cold) // 2] * 1000 if cold else None
    rows.append(
        (
            f"initialize, cold start (median of {len(cold)})",
            f"{cold_med:.0f} ms" if cold_med is not None else "-",
            "<= 500 ms",
            verdict(cold_med, TARGETS_MS["initialize_cold"]),
        )
    )
    cold_cpu = results.get("cold_start_cpu_s") or []
    if cold_cpu:
        rows.append(
            (
                "  server CPU until then (load-independent)",
                f"{sorted(cold_cpu)[len(cold_cpu) // 2] * 1000:.0f} ms",
                "",
                "",
            )
        )
    rows.append(
        (
            f"initialize, {s['workspace_files']}-file workspace",
            f"{s['initialize_s'] * 1000:.0f} ms",
            "",
            "",
        )
    )
    rows.append(("workspace indexed (until idle)", f"{s['index_s']:.2f} s", "", ""))
    rows.append(
        (
            f"RSS, {s['workspace_files']} files indexed",
            f"{s['rss_indexed_mb']:.0f} MB",
            "<= 200 MB",
            verdict(s["rss_indexed_mb"], TARGET_RSS_MB),
        )
    )
    dod = s.get("did_open_to_diagnostics_ms")
    rows.append(
        (
            f"didOpen -> diagnostics ({s['module_lines']} lines)",
            f"{dod:.1f} ms" if dod is not None else "none",
            "",
            "",
        )
    )

    def pair(name: str, stats: dict[str, Any], target_key: str | None) -> None:
        if not stats.get("n"):
            rows.append((name, stats.get("missing", "no answers"), "", "n/a"))
            return
        value = f"p50 {stats['p50']:.1f} / p95 {stats['p95']:.1f} ms"
        target = f"p95 <= {TARGETS_MS[target_key]:.0f} ms" if target_key else ""
        met = verdict(stats["p95"], TARGETS_MS[target_key]) if target_key else ""
        rows.append((name, value, target, met))

    for key, what in (("did_change", "in a string"), ("did_change_code", "typing code")):
        dc = s.get(key)
        if dc is None:
            continue
        pair(
            f"didChange -> diagnostics, {what} ({dc.get('n', 0)} edits, {dc.get('sync')})",
            dc,
            "did_change_p95",
        )
        if dc.get("server_cpu_p50") is not None:
            rows.append(
                (
                    "  server CPU per edit (load-independent)",
                    f"p50 {dc['server_cpu_p50']:.1f} / p95 {dc['server_cpu_p95']:.1f} ms",
                    "",
                    "",
                )
            )
        if dc.get("timeouts"):
            rows.append(("  edits with no diagnostics in time", str(dc["timeouts"]), "", ""))
    pair("hover", s["hover"], "hover_p95")
    pair('completion in url_for("', s["completion"], "completion_p95")
    pair("codeAction", s["code_action"], None)
    rows.append(("RSS at the end", f"{s['rss_end_mb']:.0f} MB", "", ""))
    meta = results["meta"]
    rows.append(
        (
            "machine load average (1 min) before / after",
            f"{meta['load_average_before'][0]:.2f} / {meta['load_average_after'][0]:.2f}"
            f" on {meta['cpus']} CPUs",
            "",
            "",
        )
    )
    widths = [max(len(r[i]) for r in rows) for i in range(4)]
    head = ("measure", "value", "target", "")
    widths = [max(w, len(h)) for w, h in zip(widths, head, strict=True)]
    lines = [
        "  ".join(h.ljust(w) for h, w in zip(head, widths, strict=True)),
        "  ".join("-" * w for w in widths),
    ]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)) for r in rows]
    return "\n".join(line.rstrip() for line in lines)


async def run(args: argparse.Namespace) -> dict[str, Any]:
    command = shlex.split(args.server) if args.server else default_server_command()
    # The server runs with the workspace as its cwd: make a relative program path absolute.
    if os.sep in command[0] and not os.path.isabs(command[0]):
        command[0] = os.path.abspath(command[0])

    def log(msg: str) -> None:
        if not args.quiet:
            print(f"  {msg}", file=sys.stderr, flush=True)

    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="flask-lsp-bench-") as tmp_name:
        tmp = Path(tmp_name)
        log(f"server: {' '.join(command)}")
        cold, cold_cpu = await cold_starts(command, args.cold_runs, tmp)
        log(f"cold starts: {[round(c * 1000) for c in cold]} ms")
        session = await editing_session(command, args, tmp, log)
        if args.keep_logs:
            args.keep_logs.mkdir(parents=True, exist_ok=True)
            for f in tmp.glob("*.stderr"):
                shutil.copy(f, args.keep_logs / f.name)
    return {
        "meta": {
            "python": platform.python_version(),
            "machine": platform.machine(),
            "cpus": os.cpu_count(),
            "server": command,
            "files": args.files,
            "lines": args.lines,
            "edits": args.edits,
            "requests": args.requests,
            "seed": args.seed,
            "date": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "load_average_before": [round(x, 2) for x in load_before],
            "load_average_after": [round(x, 2) for x in os.getloadavg()],
        },
        "cold_start_s": [round(c, 4) for c in cold],
        "cold_start_cpu_s": [round(c, 4) for c in cold_cpu],
        "session": session,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=1000, help="workspace size (Python files)")
    parser.add_argument("--lines", type=int, default=3000, help="size of the edited module")
    parser.add_argument("--edits", type=int, default=200, help="single-character edits")
    parser.add_argument("--requests", type=int, default=100, help="requests per kind")
    parser.add_argument("--cold-runs", type=int, default=5, help="cold starts to time")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--change-timeout", type=float, default=5.0, help="seconds per edit")
    parser.add_argument(
        "--server", help="server command line, e.g. 'python -m flask_lsp' (default: flask-lsp)"
    )
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    parser.add_argument(
        "--py-spy", type=Path, metavar="DIR", help="profile the server with py-spy while typing"
    )
    parser.add_argument("--keep-logs", type=Path, help="copy the server's stderr logs here")
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    results = asyncio.run(run(args))
    print(table(results))
    if args.py_spy and (args.py_spy / "editing.collapsed.txt").exists():
        print("\nHottest functions while typing and answering requests (py-spy):")
        print(hottest(args.py_spy / "editing.collapsed.txt"))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
