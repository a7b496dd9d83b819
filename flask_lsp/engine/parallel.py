"""`flask-lsp check` on several cores, with the same results as on one.

Checking needs every module's facts before any rule runs (a helper is judged by callers in
other files), so a check has two passes: index every file, then run the rules on each. Here
each worker process (forked, so it starts with the project as it is) indexes files it takes
from a shared queue (largest first, so the workers finish together) and keeps their ASTs; the workers then swap their facts, each rebuilds the whole index
in the same file order a single process would use, and runs the rules on its own files, whose
ASTs it still holds. Nothing is parsed twice and the main process only merges the findings.

Whatever goes wrong in a worker (a crash, facts that cannot be pickled), the caller falls back
to checking in one process; no finding is ever lost to the parallel path.
"""

from __future__ import annotations

import gc
import logging
import os
import pickle
import sys
import threading
import traceback
from collections.abc import Callable, Iterator
from dataclasses import replace
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING, Any

from flask_lsp.analysis.findings import Finding
from flask_lsp.analysis.module import ModuleFacts
from flask_lsp.analysis.strict import reraise_if_strict
from flask_lsp.analysis.workspace import Workspace

if TYPE_CHECKING:
    from .checker import Project

log = logging.getLogger(__name__)

# Below this many files a check is over before worker processes would have started.
MIN_FILES = 100
MAX_JOBS = 8


def default_jobs() -> int:
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cpus = os.cpu_count() or 1
    return max(1, min(cpus, MAX_JOBS))


def can_fork() -> bool:
    """Fork only where it is the safe default (Linux) and nothing else runs in this process."""
    return sys.platform.startswith("linux") and threading.active_count() == 1


def check_parallel(
    project: Project,
    files: list[Path],
    jobs: int,
    progress: Callable[[int, int, str], None] | None = None,
) -> tuple[list[str], dict[str, list[Finding]]] | None:
    """Index and check `files` in `jobs` processes; None if that was not possible."""
    import multiprocessing

    if jobs < 2 or len(files) < MIN_FILES or not can_fork():
        return None
    context = multiprocessing.get_context("fork")
    queue = _Queue(_largest_first(files), context)
    gc.freeze()  # the workers share the parent's objects: keep the GC from touching (copying) them
    workers: list[tuple[Any, Connection]] = []
    try:
        for number in range(jobs):
            ours, theirs = context.Pipe()
            process = context.Process(
                target=_worker, args=(project, files, queue, number, jobs, theirs)
            )
            process.daemon = True
            process.start()
            theirs.close()
            workers.append((process, ours))
        # Pass 1: every worker's facts, relayed as they are (the main process needs none).
        blobs = [_receive(connection) for _, connection in workers]
        if progress is not None:
            progress(len(files), len(files), str(files[-1]))
        for _, connection in workers:
            connection.send_bytes(pickle.dumps(blobs, protocol=pickle.HIGHEST_PROTOCOL))
        # Pass 2: findings per file.
        indexed: set[str] = set()
        findings: dict[str, list[Finding]] = {}
        for _, connection in workers:
            share_indexed, share_findings = pickle.loads(_receive(connection))
            indexed.update(share_indexed)
            findings.update(share_findings)
    except Exception as error:
        reraise_if_strict(error)
        log.info("checking in parallel failed; checking in one process", exc_info=True)
        return None
    finally:
        gc.unfreeze()
        for process, connection in workers:
            connection.close()
            process.join(timeout=5)
            if process.is_alive():
                process.kill()
                process.join()
    order = [str(path) for path in files if str(path) in indexed]
    return order, findings


def _receive(connection: Connection) -> bytes:
    data = connection.recv_bytes()
    if data.startswith(b"ERROR:"):
        raise RuntimeError(data[6:].decode("utf-8", "replace"))
    return data


def _largest_first(files: list[Path]) -> list[int]:
    """File indexes, the largest files first: whichever worker is free takes the next one,
    so the small ones at the end even out the workers' loads (the machine's too)."""
    sizes = []
    for index, path in enumerate(files):
        try:
            sizes.append((-path.stat().st_size, index))
        except OSError:
            sizes.append((0, index))
    return [index for _, index in sorted(sizes)]


class _Queue:
    """The files to index, handed out one at a time to the workers (a shared counter)."""

    def __init__(self, order: list[int], context: Any) -> None:
        self.order = order
        self.taken = context.Value("l", 0)

    def __iter__(self) -> Iterator[int]:
        while True:
            with self.taken.get_lock():
                position = self.taken.value
                self.taken.value = position + 1
            if position >= len(self.order):
                return
            yield self.order[position]


def _worker(
    project: Project,
    files: list[Path],
    queue: _Queue,
    number: int,
    jobs: int,
    connection: Connection,
) -> None:
    try:
        try:
            _work(project, files, queue, number, jobs, connection)
        except BaseException:
            connection.send_bytes(b"ERROR:" + traceback.format_exc().encode("utf-8", "replace"))
    finally:
        connection.close()
        os._exit(0)  # no atexit handlers, no flushing of the parent's buffers


def _work(
    project: Project,
    files: list[Path],
    queue: _Queue,
    number: int,
    jobs: int,
    connection: Connection,
) -> None:
    project.keep_parsed_lines //= jobs  # the memory budget is for all workers together
    own: list[tuple[int, str, Any, str]] = []
    for index in queue:
        path = files[index]
        if project.load_file(path):
            key = str(path)
            facts = project.workspace.modules[key]
            own.append((index, key, facts, project.workspace.digest_of(key)))
    shared = [(index, key, _for_others(facts), digest) for index, key, facts, digest in own]
    connection.send_bytes(pickle.dumps(shared, protocol=pickle.HIGHEST_PROTOCOL))
    # Our own modules keep their facts objects (our parsed modules point at them): only the
    # other workers' blobs are unpickled.
    everything: list[tuple[int, str, Any, str]] = list(own)
    for other, blob in enumerate(pickle.loads(connection.recv_bytes())):
        if other != number:
            everything.extend(pickle.loads(blob))
    everything.sort(key=lambda item: item[0])
    workspace = Workspace()
    for _, key, facts, digest in everything:
        workspace.add_facts(key, facts, digest)
    project.workspace = workspace
    findings: dict[str, list[Finding]] = {}
    for _, key, _, _ in reversed(own):  # most recently parsed first: still in the cache
        findings[key] = project.findings(key)
    result = ([key for _, key, _, _ in own], findings)
    connection.send_bytes(pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL))


def _for_others(facts: ModuleFacts) -> ModuleFacts:
    """What the other workers need of a module's facts: not its module-level proxy uses and
    calls, which only the rules on the module itself read (other modules ask only what a
    function uses and calls). A third less to pickle and unpickle."""
    return replace(
        facts,
        uses=[use for use in facts.uses if use.function is not None],
        calls=[call for call in facts.calls if call.function is not None],
    )
