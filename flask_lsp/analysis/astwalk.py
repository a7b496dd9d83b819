"""Walking ASTs quickly: the analysis walks every tree several times.

`ast.walk` goes through two generators (`iter_child_nodes`, `iter_fields`) and a `getattr` per
field, including fields that never hold a node (`Name.id`, `Attribute.attr`...), and it yields
the marker nodes of expression contexts and operators (`Load()`, `Add()`), about a third of a
tree, which no analysis looks at. These walks read only the fields that can hold nodes (per node
type, computed once), skip the markers, and otherwise visit what `ast.walk` visits, in the same
order.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator

# Fields that never hold a node, in any node type: names, numbers, flags, markers.
_NOT_NODES = frozenset(
    {
        "id",
        "attr",
        "name",
        "asname",
        "arg",
        "module",
        "level",
        "type_comment",
        "kind",
        "simple",
        "conversion",
        "is_async",
        "rest",
        "kwd_attrs",
        "ctx",
        "op",
        "ops",
    }
)
# ...and in these node types, `value`/`names` hold a Python value or strings.
_NOT_NODES_IN = {
    ast.Constant: frozenset({"value"}),
    ast.MatchSingleton: frozenset({"value"}),
    ast.Global: frozenset({"names"}),
    ast.Nonlocal: frozenset({"names"}),
}
_FIELDS: dict[type, tuple[str, ...]] = {}


def node_fields(kind: type) -> tuple[str, ...]:
    """The fields of node type `kind` that can hold child nodes."""
    fields = _FIELDS.get(kind)
    if fields is None:
        skipped = _NOT_NODES | _NOT_NODES_IN.get(kind, frozenset())
        fields = _FIELDS[kind] = tuple(f for f in getattr(kind, "_fields", ()) if f not in skipped)
    return fields


def children(node: ast.AST) -> list[ast.AST]:
    """`ast.iter_child_nodes(node)` without the context and operator markers, as a list."""
    found: list[ast.AST] = []
    _add_children(node, found)
    return found


def walk(node: ast.AST) -> list[ast.AST]:
    """`ast.walk(node)` (breadth first, `node` first) without the markers, as a list."""
    found: list[ast.AST] = [node]
    index = 0
    # `_add_children` inlined: the analysis walks every tree several times.
    while index < len(found):
        current = found[index]
        index += 1
        fields = _FIELDS.get(type(current))
        if fields is None:
            fields = node_fields(type(current))
        for name in fields:
            value = getattr(current, name, None)
            if type(value) is list:
                if None in value:
                    found.extend(item for item in value if item is not None)
                else:
                    found.extend(value)
            elif isinstance(value, ast.AST):
                found.append(value)
    return found


def _add_children(node: ast.AST, found: list[ast.AST]) -> None:
    fields = _FIELDS.get(type(node))
    if fields is None:
        fields = node_fields(type(node))
    for name in fields:
        value = getattr(node, name, None)
        if type(value) is list:
            # Lists of fields hold nodes, and `None` in `Dict.keys` and `kw_defaults` only
            # (the lists of names are not in the node-bearing fields).
            if None in value:
                found.extend(item for item in value if item is not None)
            else:
                found.extend(value)
        elif isinstance(value, ast.AST):
            found.append(value)


# `try` and (from Python 3.11) `try`/`except*`.
TRY_STATEMENTS: tuple[type[ast.AST], ...] = tuple(
    kind for kind in (getattr(ast, "Try", None), getattr(ast, "TryStar", None)) if kind
)


def parents(root: ast.AST) -> dict[int, ast.AST]:
    """Each node under `root` (by id) and the node it sits in."""
    found: dict[int, ast.AST] = {}
    for node in walk(root):
        for child in ast.iter_child_nodes(node):
            found[id(child)] = node
    return found


def catches(caught: ast.expr | None, names: frozenset[str], bare: bool = True) -> bool:
    """Does an `except` clause catching `caught` (None: a bare `except:`, which counts when
    `bare`) name one of `names` (by last name, alone or in a tuple)?"""
    if caught is None:
        return bare
    if isinstance(caught, ast.Tuple):
        return any(catches(e, names, bare) for e in caught.elts)
    return last_name(caught) in names


def last_name(node: ast.AST) -> str | None:
    """The last name of a dotted expression: `b` for `a.b`, `a` for `a`; None for others."""
    if isinstance(node, ast.Attribute):
        return node.attr
    return node.id if isinstance(node, ast.Name) else None


def walk_depth_first(nodes: list[ast.AST], stop: tuple[type, ...] = ()) -> Iterator[ast.AST]:
    """Every node under `nodes` (a stack: the last first), not below nodes of the `stop` types
    (which are yielded themselves)."""
    stack = list(nodes)
    while stack:
        current = stack.pop()
        yield current
        if not isinstance(current, stop):
            stack.extend(children(current))


def own_calls(statement: ast.AST) -> Iterator[ast.Call]:
    """The calls in a statement's own expressions: not in the statements nested in it, and
    not inside lambdas (they run later)."""
    stack = [
        child
        for child in children(statement)
        if not isinstance(child, ast.stmt | ast.ExceptHandler | ast.match_case)
    ]
    while stack:
        child = stack.pop()
        if isinstance(child, ast.Call):
            yield child
        if not isinstance(child, ast.Lambda):
            stack.extend(children(child))
