"""The fast walkers visit what `ast.walk` visits, in the same order, minus the markers."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from flask_lsp.analysis import astwalk
from flask_lsp.analysis.names import LEAF_TYPES

ROOT = Path(__file__).parent.parent
FILES = sorted([*ROOT.glob("flask_lsp/**/*.py"), *ROOT.glob("tests/rules/**/*.py")])
EXTRA = """
d = {**a, 1: 2}
def f(a, *, b=1, c, **k): return lambda x=1, *, y: x
global_names = [x async for x in y if x] if (z := 3) else {1, 2}
match p:
    case {"k": v, **rest}: pass
    case C(a, b=1) | [1, *others] | None: pass
class K(Base, metaclass=M): pass
"""


def marker_free_walk(tree: ast.AST) -> list[ast.AST]:
    return [node for node in ast.walk(tree) if type(node) not in LEAF_TYPES]


@pytest.mark.parametrize(
    "tree",
    [ast.parse(EXTRA), *(ast.parse(p.read_text(encoding="utf-8")) for p in FILES)],
    ids=["shapes", *(str(p.relative_to(ROOT)) for p in FILES)],
)
def test_walk_is_ast_walk_without_markers(tree: ast.AST) -> None:
    assert [id(n) for n in astwalk.walk(tree)] == [id(n) for n in marker_free_walk(tree)]
    for node in astwalk.walk(tree)[:200]:
        expected = [c for c in ast.iter_child_nodes(node) if type(c) not in LEAF_TYPES]
        assert astwalk.children(node) == expected
