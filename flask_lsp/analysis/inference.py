"""jedi, for the names the AST cannot settle: imports from installed, non-Flask packages.

`from some_compat_layer import request` may or may not be Flask's `request`. jedi reads the
installed package's source statically and tells us. It never imports the user's code: the
project is created with `load_unsafe_extensions=False` and `smart_sys_path=False`, and we only
ask about modules that are *not* in the workspace. jedi inspects compiled modules in a
subprocess; that subprocess is our own interpreter with an environment stripped of everything
that could put the user's folders on its path or run their code at start-up (PYTHONPATH,
PYTHONSTARTUP, a VIRTUAL_ENV of theirs...), so it sees the installed packages and nothing else,
and jedi's `auto_import_modules` (modules it would import for real) is emptied. Each answer is cached, and each question has
a time bound, after which the name counts as unknown (and is not flagged).
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from functools import lru_cache
from typing import Any

log = logging.getLogger(__name__)

TIME_BOUND_SECONDS = 2.0
# Variables that would let the jedi subprocess see or run the user's code.
_UNSAFE_VARIABLES = frozenset(
    {
        "PYTHONPATH",
        "PYTHONSTARTUP",
        "PYTHONHOME",
        "PYTHONUSERBASE",
        "PYTHONINSPECT",
        "PYTHONEXECUTABLE",
        "VIRTUAL_ENV",
        "CONDA_PREFIX",
        "PYTHONBREAKPOINT",
    }
)


def subprocess_environment() -> dict[str, str]:
    """The environment of jedi's inspection subprocess: ours, minus what imports user code."""
    env = {k: v for k, v in os.environ.items() if k not in _UNSAFE_VARIABLES}
    env["PYTHONSAFEPATH"] = "1"  # no script folder or current folder on sys.path
    env["PYTHONNOUSERSITE"] = "1"
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


@lru_cache(maxsize=1)
def _environment() -> Any:
    import jedi
    from jedi.api.environment import Environment

    jedi.settings.auto_import_modules = []
    return Environment(sys.executable, env_vars=subprocess_environment())


_lock = threading.Lock()


@lru_cache(maxsize=1024)
def infer_import(module: str, name: str) -> str | None:
    """Full name of `name` as imported from `module`, e.g. ``flask.globals.request``."""
    result: list[str | None] = [None]

    def ask() -> None:
        try:
            import jedi

            project = jedi.Project(
                "/nonexistent-flask-lsp-project", load_unsafe_extensions=False, smart_sys_path=False
            )
            code = f"from {module} import {name}\n{name}"
            script = jedi.Script(code, project=project, environment=_environment())
            for definition in script.infer(2, len(name) // 2 + 1):
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
