"""jedi, for the names the AST cannot settle: imports from installed, non-Flask packages.

`from some_compat_layer import request` may or may not be Flask's `request`. jedi reads the
installed package's source statically and tells us. It never imports the user's code: the
project is created with `load_unsafe_extensions=False` and `smart_sys_path=False`, and we only
ask about modules that are *not* in the workspace. jedi runs in this process
(`InterpreterEnvironment`): no interpreter subprocess is started, so nothing of the user's
environment (`.pth` files, `sitecustomize`) runs either. jedi reads sources from
`search_sys_path()` (our sys.path without the current folder), but it *imports* the compiled
extensions it meets to inspect them, in this process: those it may load only from
`installed_sys_path()`, which also leaves out PYTHONPATH, through which an extension of the
user's project could be loaded (PYTHONPATH=. is common). jedi's `auto_import_modules` (modules
it imports instead of reading) is emptied.

Time and threads: jedi runs in a daemon thread, and a question waits at most
`TIME_BOUND_SECONDS` in total; past that the name counts as unknown (None, and is not flagged).
jedi is not thread-safe, so at most one jedi thread runs at a time: it holds `_jedi_free` from
its start to its end, and a question that finds jedi still busy with an earlier (timed-out)
question waits for it within its own time bound, then answers unknown. jedi's answers (found,
not found, or jedi failing on the name) are cached for the life of the process; a timed-out
question is not, and is asked again the next time. A timed-out thread that finishes later still stores its answer, so the next question
gets it at once.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
import time
from functools import lru_cache
from typing import Any

log = logging.getLogger(__name__)

TIME_BOUND_SECONDS = (
    5.0  # the first question loads jedi and parses Flask: seconds on a busy machine
)
_CACHE_SIZE = 1024
# Held by the one running jedi thread, from its start to its end (a semaphore, not a lock: the
# question acquires it, the thread releases it, possibly long after the question gave up).
_jedi_free = threading.BoundedSemaphore(1)
_cache_lock = threading.Lock()
_cache: dict[tuple[str, str], str | None] = {}  # jedi's answers only, never a timeout


@lru_cache(maxsize=1)
def _environment() -> object:
    import jedi

    jedi.settings.auto_import_modules = []
    return jedi.InterpreterEnvironment()


@lru_cache(maxsize=1)
def search_sys_path() -> tuple[str, ...]:
    """Where jedi may read sources: our sys.path, minus the current folder."""
    cwd = os.getcwd()
    return tuple(entry for entry in sys.path if entry and os.path.isabs(entry) and entry != cwd)


@lru_cache(maxsize=1)
def installed_sys_path() -> tuple[str, ...]:
    """Where jedi may load compiled extensions: the interpreter's own and installed packages."""
    from_environment = {
        os.path.abspath(entry)
        for entry in os.environ.get("PYTHONPATH", "").split(os.pathsep)
        if entry
    }
    return tuple(p for p in search_sys_path() if os.path.abspath(p) not in from_environment)


@lru_cache(maxsize=1)
def _project() -> Any:
    import jedi

    class InstalledOnlyProject(jedi.Project):  # type: ignore[misc]
        """jedi loads extensions only from the project's "base" sys.path (jedi 0.20
        `_load_builtin_module`): make that the installed packages."""

        def _get_base_sys_path(self, inference_state: Any) -> list[str]:
            return list(installed_sys_path())

    return InstalledOnlyProject(
        "/nonexistent-flask-lsp-project",
        load_unsafe_extensions=False,
        smart_sys_path=False,
        sys_path=list(search_sys_path()),
    )


def _goto(module: str, name: str) -> str | None:
    """Ask jedi (in the calling thread) where `name`, imported from `module`, is defined."""
    import jedi

    code = f"from {module} import {name}\n{name}"
    script = jedi.Script(code, project=_project(), environment=_environment())
    # goto, not infer: we want where the name is defined (flask.globals.request),
    # not the type of its value (Request).
    for definition in script.goto(2, len(name) // 2 + 1, follow_imports=True):
        full_name: str | None = definition.full_name
        return full_name
    return None


def _cached(key: tuple[str, str]) -> tuple[bool, str | None]:
    with _cache_lock:
        return (True, _cache[key]) if key in _cache else (False, None)


def _store(key: tuple[str, str], answer: str | None) -> None:
    with _cache_lock:
        if key not in _cache and len(_cache) >= _CACHE_SIZE:
            del _cache[next(iter(_cache))]  # the oldest answer
        _cache[key] = answer


def clear_cache() -> None:
    """Forget jedi's answers (a running jedi thread may still store its own)."""
    with _cache_lock:
        _cache.clear()


def infer_import(module: str, name: str) -> str | None:
    """Full name of `name` as imported from `module`, e.g. ``flask.globals.request``.

    None when jedi does not know, or did not answer within `TIME_BOUND_SECONDS`."""
    key = (module, name)
    found, answer = _cached(key)
    if found:
        return answer
    deadline = time.monotonic() + TIME_BOUND_SECONDS
    # jedi is not thread-safe: wait (within our bound) for an earlier jedi thread to end.
    if not _jedi_free.acquire(timeout=max(0.0, deadline - time.monotonic())):
        log.info("jedi still busy with an earlier question; %s.%s counts as unknown", *key)
        return None
    found, answer = _cached(key)  # the earlier thread may have answered this very question
    if found:
        _jedi_free.release()
        return answer

    answered: list[str | None] = []

    def ask() -> None:
        try:
            try:
                result = _goto(module, name)
            except Exception:  # jedi's own bugs must never reach the user
                log.debug("jedi could not infer %s.%s", module, name, exc_info=True)
                result = None
            _store(key, result)  # before releasing jedi: the next question finds it
            answered.append(result)
        finally:
            _jedi_free.release()

    try:
        worker = threading.Thread(target=ask, name="flask-lsp-jedi", daemon=True)
        worker.start()
    except BaseException:
        _jedi_free.release()
        raise
    worker.join(max(0.0, deadline - time.monotonic()))
    if worker.is_alive():
        log.info(
            "jedi took over %.1fs on %s.%s; treating it as unknown for now",
            TIME_BOUND_SECONDS,
            module,
            name,
        )
        return None
    return answered[0] if answered else None
