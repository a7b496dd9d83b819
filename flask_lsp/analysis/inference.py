"""jedi, for the names the AST cannot settle: imports from installed, non-Flask packages.

`from some_compat_layer import request` may or may not be Flask's `request`. jedi reads the
installed package's source statically and tells us. It never imports the user's code: the
project is created with `load_unsafe_extensions=False` and `smart_sys_path=False`, and we only
ask about modules that are *not* in the workspace. jedi runs in this process
(`InterpreterEnvironment`): no interpreter subprocess is started, so nothing of the user's
environment (`.pth` files, `sitecustomize`) runs either. Each answer is cached, and each question has
a time bound, after which the name counts as unknown (and is not flagged).
"""

from __future__ import annotations

import logging
import threading
from functools import lru_cache

log = logging.getLogger(__name__)

TIME_BOUND_SECONDS = 2.0
_lock = threading.Lock()


@lru_cache(maxsize=1)
def _environment() -> object:
    import jedi

    return jedi.InterpreterEnvironment()


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
