#!/usr/bin/env python3
"""Soak the language server: thousands of edits over stdio, resident memory before and after.

    .venv/bin/python scripts/soak.py                # 10,000 edits (a few minutes)
    .venv/bin/python scripts/soak.py --edits 1000   # the smoke run in scripts/bench-smoke

It starts the installed `flask-lsp` on a scratch workspace holding every rule fixture, opens
five documents, and sends edits round-robin: whole-document replacements with fixture texts,
random mutations of them (half-typed, broken code) and small incremental edits; every 10th edit
a hover, every 50th waits for the diagnostics of that version (so the server never falls far
behind and the edits are really analysed). It prints the server's RSS at the start
(after the first analyses, including a document whose imports make jedi load installed packages
once), after 10% of the edits, and at the end, and exits 1 if memory grew by 10% or more from
the start to the end.
"""

from __future__ import annotations

import argparse
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import psutil  # noqa: E402

from tests.hostile import RULE_FIXTURES, mutate  # noqa: E402
from tests.server.rawclient import RawServer  # noqa: E402

DOCUMENTS = 5
WARM_UP = (
    "from werkzeug.local import request\nfrom flask_sqlalchemy import session\n"
    "from flask.globals import g\nx = request.args\ny = session.get('a')\nz = g.user\n"
)
LIMIT_PERCENT = 10.0


def rss_mb(process: psutil.Process) -> float:
    return float(process.memory_info().rss) / 1_000_000


def soak(edits: int, seed: int) -> int:
    rng = random.Random(seed)
    texts = [path.read_text(encoding="utf-8") for path in RULE_FIXTURES]
    with tempfile.TemporaryDirectory(prefix="flask-lsp-soak-") as scratch:
        workspace = Path(scratch)
        for number, path in enumerate(RULE_FIXTURES):
            shutil.copy(path, workspace / f"fixture_{number}_{path.name}")
        server = RawServer(workspace)
        process = psutil.Process(server.process.pid)
        try:
            server.initialize(workspace)
            uris = [(workspace / f"doc_{n}.py").as_uri() for n in range(DOCUMENTS)]
            versions = dict.fromkeys(uris, 1)
            current = {uri: rng.choice(texts) for uri in uris}
            for uri in uris:
                server.open(uri, current[uri])
                server.diagnostics(uri)
            # What a real session loads once (jedi reading installed packages for an import
            # the AST cannot settle) belongs to the start, not to the growth.
            warm = (workspace / "warm_up.py").as_uri()
            server.open(warm, WARM_UP)
            server.diagnostics(warm)
            start = rss_mb(process)
            warm_up = max(1, edits // 10)
            warmed = start
            began = time.monotonic()
            for edit in range(1, edits + 1):
                uri = uris[edit % DOCUMENTS]
                versions[uri] += 1
                kind = rng.random()
                if kind < 0.3:
                    current[uri] = rng.choice(texts)
                    server.change(uri, versions[uri], {"text": current[uri]})
                elif kind < 0.7:
                    current[uri] = mutate(rng.choice(texts), rng, steps=rng.randrange(1, 6))
                    server.change(uri, versions[uri], {"text": current[uri]})
                else:
                    line = rng.randrange(current[uri].count("\n") + 1)
                    position = {"line": line, "character": 0}
                    server.change(
                        uri,
                        versions[uri],
                        {"range": {"start": position, "end": position}, "text": "x = 1\n"},
                    )
                    lines = current[uri].split("\n")
                    lines.insert(min(line, len(lines)), "x = 1")
                    current[uri] = "\n".join(lines)
                if edit % 10 == 0:
                    server.hover(uri, rng.randrange(40), rng.randrange(40))
                if edit % 50 == 0:
                    version = versions[uri]
                    server.wait_for(
                        lambda m, u=uri, v=version: (
                            m.get("method") == "textDocument/publishDiagnostics"
                            and m["params"]["uri"] == u
                            and m["params"].get("version") == v
                        ),
                        timeout=60,
                    )
                    server.seen.clear()
                if edit == warm_up:
                    warmed = rss_mb(process)
                if edit % 1000 == 0:
                    print(f"  {edit:>6} edits  rss {rss_mb(process):7.1f} MB", flush=True)
            assert "error" not in server.hover(uris[0], 0, 0)
            end = rss_mb(process)
            elapsed = time.monotonic() - began
        finally:
            server.close()
    growth = (end - start) / start * 100
    print(f"edits: {edits} in {elapsed:.1f}s ({edits / elapsed:.0f}/s)")
    print(f"rss start (after first analyses): {start:.1f} MB")
    print(f"rss after {warm_up} edits: {warmed:.1f} MB")
    print(f"rss end: {end:.1f} MB")
    print(f"growth from start to end: {growth:+.1f}% (limit {LIMIT_PERCENT:.0f}%)")
    return 0 if growth < LIMIT_PERCENT else 1


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--edits", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args()
    return soak(args.edits, args.seed)


if __name__ == "__main__":
    raise SystemExit(main())
