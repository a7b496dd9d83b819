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
it imports instead of reading) is emptied. Each answer is cached,
and each question has a time bound, after which the name counts as unknown (and is not flagged).
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from functools import lru_cache
from typing import Any

log = logging.getLogger(__name__)

TIME_BOUND_SECONDS = (
    5.0  # the first question loads jedi and parses Flask: seconds on a busy machine
)
_lock = threading.Lock()


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


@lru_cache(maxsize=1024)
def infer_import(module: str, name: str) -> str | None:
    """Full name of `name` as imported from `module`, e.g. ``flask.globals.request``."""
    result: list[str | None] = [None]

    def ask() -> None:
        try:
            import jedi

            project = _project()
            code = f"from {module} import {name}\n{name}"
            script = jedi.Script(code, project=project, environment=_environment())
            # goto, not infer: we want where the name is defined (flask.globals.request),
            # not the type of its value (Request).
            for definition in script.goto(2, len(name) // 2 + 1, follow_imports=True):
                result[0] = definition.full_name
                return
        except Exception:  # jedi's own bugs must never reach the user
            log.debug("jedi could not infer %s.%s", module, name, exc_info=True)

    with _lock:  # jedi is not thread-safe
        worker = threading.Thread(target=ask, name="flask-lsp-jedi", daemon=True)
        worker.start()
        worker.join(TIME_BOUND_SECONDS)
    if worker.is_alive():
        log.info(
            "jedi took over %.1fs on %s.%s; treating it as unknown",
            TIME_BOUND_SECONDS,
            module,
            name,
        )
        return None
    return result[0]
