"""Share one derivation of a module's AST between the rules that need it (views, run calls).

Rules run one module at a time, so remembering the last module per key is enough; the module's
`cache_token` (its tree, or the view itself for a one-statement view) is the key's check, so a
new parse never sees an old answer.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
_LAST: dict[str, tuple[object, object]] = {}


def per_tree(key: str, token: object, compute: Callable[[], T]) -> T:
    entry = _LAST.get(key)
    if entry is not None and entry[0] is token:
        return entry[1]  # type: ignore[return-value]
    value = compute()
    _LAST[key] = (token, value)
    return value
