"""Start-up: keep the code attrs generates for lsprotocol's classes between runs.

lsprotocol defines ~550 attrs classes, and attrs writes and compiles `__init__`, `__eq__`,
`__repr__`... for each of them every time the server starts: ~730 calls to `compile`, about a
third of the time before the server can answer `initialize`. Python caches the bytecode of
modules in `.pyc` files but not code made at run time, so this does the same for attrs: the
compiled code objects go into one marshal file per Python, attrs and lsprotocol version in the
user's cache folder (the trust of a `.pyc` file). Anything unexpected (an attrs without the hook,
an unreadable or foreign cache) falls back to attrs's own `compile`, and
`FLASK_LSP_NO_CODE_CACHE=1` turns the cache off.
"""

from __future__ import annotations

import logging
import marshal
import os
import sys
import types
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from importlib import metadata
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

_Hook = Callable[..., None]


def cache_folder() -> Path:
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
    else:
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "flask-lsp"


def cache_file() -> Path:
    versions = "-".join(
        [
            f"py{sys.version_info.major}{sys.version_info.minor}{sys.version_info.micro}",
            *(f"{name}{_version(name)}" for name in ("attrs", "lsprotocol")),
        ]
    )
    return cache_folder() / f"attrs-code-{versions}.marshal"


def _version(distribution: str) -> str:
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "unknown"


@contextmanager
def cached_generated_code() -> Iterator[None]:
    """Within this block, attrs reuses code it compiled in an earlier run."""
    if os.environ.get("FLASK_LSP_NO_CODE_CACHE"):
        yield
        return
    try:
        import attr._make as attrs_make
    except ImportError:
        yield
        return
    original: _Hook | None = getattr(attrs_make, "_compile_and_eval", None)
    if original is None:  # attrs changed how it builds classes: nothing to cache
        yield
        return
    path = cache_file()
    codes = _load(path)
    known = len(codes)

    def compile_and_eval(
        script: str,
        globs: dict[str, Any] | None,
        locs: Mapping[str, object] | None = None,
        filename: str = "",
    ) -> None:
        key = f"{filename}\0{script}"
        code = codes.get(key)
        if code is None:
            code = codes[key] = compile(script, filename, "exec")
        eval(code, globs, locs)  # attrs's own generated code, run as attrs runs it

    attrs_make._compile_and_eval = compile_and_eval
    try:
        yield
    finally:
        attrs_make._compile_and_eval = original
        if len(codes) != known:
            _save(path, codes)


def _load(path: Path) -> dict[str, types.CodeType]:
    try:
        data = marshal.loads(path.read_bytes())
    except FileNotFoundError:
        return {}
    except (OSError, EOFError, ValueError, TypeError) as error:
        log.info("ignoring the start-up cache %s: %s", path, error)
        return {}
    if not isinstance(data, dict) or not all(
        isinstance(k, str) and isinstance(v, types.CodeType) for k, v in data.items()
    ):
        return {}
    return data


def _save(path: Path, codes: dict[str, types.CodeType]) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        partial.write_bytes(marshal.dumps(codes))
        os.replace(partial, path)  # atomic: two servers starting at once never see half a file
    except OSError as error:
        log.info("cannot write the start-up cache %s: %s", path, error)
