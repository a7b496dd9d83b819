"""`flask-lsp check --jobs N` finds exactly what one process finds, in the same order.

A project larger than the parallel threshold is made of copies of the bundled example, each a
package of its own, plus one helper module imported across packages so that findings depend
on facts that another worker indexed.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from flask_lsp.engine.parallel import MIN_FILES
from tests.test_cli import SHOP, flask_lsp

CROSS_PACKAGE_HELPER = """\
from flask import request


def current_query():
    return request.args.get("q")
"""

CROSS_PACKAGE_CALLER = """\
import threading

from shared.helpers import current_query


def start():
    threading.Thread(target=current_query).start()


value = current_query()
"""


@pytest.fixture(scope="module")
def big_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("many")
    per_copy = len(list(SHOP.rglob("*.py"))) + 1
    copies = MIN_FILES // per_copy + 2
    for number in range(copies):
        shutil.copytree(SHOP, root / f"site_{number:03d}")
        (root / f"site_{number:03d}" / "uses_shared.py").write_text(CROSS_PACKAGE_CALLER)
    (root / "shared").mkdir()
    (root / "shared" / "__init__.py").write_text("")
    (root / "shared" / "helpers.py").write_text(CROSS_PACKAGE_HELPER)
    assert len(list(root.rglob("*.py"))) >= MIN_FILES
    return root


@pytest.mark.parametrize("jobs", ["2", "3"])
def test_parallel_check_matches_one_process(big_project: Path, jobs: str) -> None:
    one = flask_lsp("check", ".", "--format", "json", "--jobs", "1", cwd=big_project)
    many = flask_lsp("check", ".", "--format", "json", "--jobs", jobs, cwd=big_project)
    assert one.returncode == many.returncode == 1, one.stderr + many.stderr
    findings = json.loads(one.stdout)
    assert any(f["path"].endswith("uses_shared.py") for f in findings), "cross-package findings"
    assert json.loads(many.stdout) == findings


def test_facts_survive_pickling_whole() -> None:
    """What workers send each other: every module's facts, pickled field by field."""
    import pickle

    from flask_lsp.analysis.module import parse_module

    views = SHOP / "shop" / "views.py"
    facts = parse_module(str(views), "shop.views", views.read_text(encoding="utf-8")).facts
    assert facts.uses and facts.calls and facts.functions, "a module with something to send"
    assert pickle.loads(pickle.dumps(facts, protocol=pickle.HIGHEST_PROTOCOL)) == facts


def test_fast_pickling_needs_positional_fields() -> None:
    from dataclasses import dataclass, field

    from flask_lsp.analysis.pickling import by_fields

    @dataclass
    class Computed:
        value: int
        cached: int = field(init=False, default=0)

    with pytest.raises(TypeError, match="positional __init__ argument"):
        by_fields(Computed)


def test_workers_take_the_largest_files_first(tmp_path: Path) -> None:
    """Files are handed out largest first, so the last ones, small, even out the workers."""
    from flask_lsp.engine.parallel import _largest_first

    sizes = [10, 3000, 0, 200]
    files = []
    for number, size in enumerate(sizes):
        path = tmp_path / f"m{number}.py"
        path.write_text("#" * size)
        files.append(path)
    assert _largest_first([*files, tmp_path / "gone.py"]) == [1, 3, 0, 2, 4]
