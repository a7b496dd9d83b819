"""Share one derivation of a module's AST between the rules that need it (views, run calls).

Rules run one module at a time, so remembering the last tree per key is enough; the tree itself
is the key's check, so a new parse never sees an old answer.
"""

from __future__ import annotations

import ast
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
_LAST: dict[str, tuple[ast.Module, object]] = {}


def per_tree(key: str, tree: ast.Module, compute: Callable[[], T]) -> T:
    entry = _LAST.get(key)
    if entry is not None and entry[0] is tree:
        return entry[1]  # type: ignore[return-value]
    value = compute()
    _LAST[key] = (tree, value)
    return value
