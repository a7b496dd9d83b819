"""The start-up cache of attrs-generated code (flask_lsp/startup.py), in fresh interpreters."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

# Imports lsprotocol under the cache, then shows that its classes behave and how many
# generated methods attrs had to compile in this run.
PROBE = """
import attr._make, builtins
compiled = []
real_compile = builtins.compile
def counting_compile(source, filename, *args, **kwargs):
    if str(filename).startswith("<attrs generated"):
        compiled.append(filename)
    return real_compile(source, filename, *args, **kwargs)
builtins.compile = counting_compile
from flask_lsp.startup import cached_generated_code, cache_file
with cached_generated_code():
    from lsprotocol import types
builtins.compile = real_compile
a, b = types.Position(line=1, character=2), types.Position(line=1, character=2)
assert a == b and a != types.Position(line=1, character=3), "generated __eq__"
import attrs
assert attrs.asdict(a) == {"line": 1, "character": 2}, "generated fields"
print(len(compiled), cache_file())
"""


def probe(cache: Path, **env: str) -> tuple[int, Path]:
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        env={**os.environ, "XDG_CACHE_HOME": str(cache), **env},
        capture_output=True,
        text=True,
        check=True,
    )
    count, path = result.stdout.split()
    return int(count), Path(path)


@pytest.mark.skipif(sys.platform == "win32", reason="the cache folder comes from LOCALAPPDATA")
def test_second_start_compiles_nothing(tmp_path: Path) -> None:
    first, path = probe(tmp_path)
    assert first > 300  # lsprotocol's ~550 classes
    assert path.is_file() and path.parent == tmp_path / "flask-lsp"
    second, _ = probe(tmp_path)
    assert second == 0


@pytest.mark.skipif(sys.platform == "win32", reason="the cache folder comes from LOCALAPPDATA")
@pytest.mark.parametrize("garbage", [b"", b"not marshal data", b"\xe9" * 100])
def test_a_broken_cache_is_ignored_and_rewritten(tmp_path: Path, garbage: bytes) -> None:
    _, path = probe(tmp_path)
    path.write_bytes(garbage)
    count, _ = probe(tmp_path)
    assert count > 300
    assert probe(tmp_path)[0] == 0


@pytest.mark.skipif(sys.platform == "win32", reason="the cache folder comes from LOCALAPPDATA")
def test_the_cache_can_be_turned_off(tmp_path: Path) -> None:
    count, path = probe(tmp_path, FLASK_LSP_NO_CODE_CACHE="1")
    assert count > 300
    assert not path.exists()


@pytest.mark.skipif(sys.platform == "win32", reason="the cache folder comes from LOCALAPPDATA")
def test_an_unwritable_cache_folder_costs_nothing_but_speed(tmp_path: Path) -> None:
    (tmp_path / "flask-lsp").write_text("a file where the folder should be")
    count, path = probe(tmp_path)
    assert count > 300
    assert not path.exists()
