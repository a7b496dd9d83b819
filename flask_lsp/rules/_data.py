"""Shared by FL501-FL505: the workspace's import graph and its Flask-SQLAlchemy objects.

Everything here is derived from `ModuleFacts.extras["structure"]` (see
`flask_lsp/analysis/structure.py`) and memoised with `Workspace.cached` until the next change.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator

from flask_lsp.analysis.findings import Related
from flask_lsp.analysis.module import ModuleFacts
from flask_lsp.analysis.structure import NAME, DbUse, ImportStmt, StructureFacts
from flask_lsp.analysis.workspace import Workspace

_MAX_HOPS = 10


def structure(module: ModuleFacts) -> StructureFacts:
    facts = module.extras.get(NAME)
    return facts if isinstance(facts, StructureFacts) else StructureFacts()


def is_db(ws: Workspace, ref: str, near: str) -> bool:
    """Is `ref` a module-level Flask-SQLAlchemy `SQLAlchemy()` instance somewhere in the workspace?"""
    return ws.cached(("fl5-is-db", ref, near), lambda: _is_db(ws, ref, near))


def _is_db(ws: Workspace, ref: str, near: str) -> bool:
    found = ws.definition(ref, near)
    if found is None:
        return False
    module, binding = found
    return not binding.rest and binding.name in structure(module).sqlalchemy_names


def is_model(ws: Workspace, ref: str, near: str) -> bool:
    """Is `ref` a class deriving (directly or not) from a Flask-SQLAlchemy `db.Model`?"""
    return _is_model(ws, ref, near, frozenset())


def _is_model(ws: Workspace, ref: str, near: str, seen: frozenset[str]) -> bool:
    found = ws.definition(ref, near)
    if found is None:
        return False
    module, binding = found
    qualname = f"{module.module_name}.{binding.name}"
    if binding.rest or qualname in seen or len(seen) > _MAX_HOPS:
        return False
    key = ("fl5-is-model", qualname, module.path)

    def compute() -> bool:
        for base in structure(module).classes.get(qualname, ()):
            if _is_db_model(ws, base, module.path):
                return True
            if _is_model(ws, base, module.path, seen | {qualname}):
                return True
        return False

    return ws.cached(key, compute)


def _is_db_model(ws: Workspace, ref: str, near: str) -> bool:
    """`db.Model` itself (or an alias of it: `Model = db.Model`)."""
    found = ws.definition(ref, near)
    if found is None:
        return False
    module, binding = found
    return binding.rest == ("Model",) and binding.name in structure(module).sqlalchemy_names


def is_flask_sqlalchemy(ws: Workspace, ref: str, via_model: bool, near: str) -> bool:
    return is_model(ws, ref, near) if via_model else is_db(ws, ref, near)


# -- the import graph ------------------------------------------------------------------------------

Edge = tuple[ImportStmt, str]  # (the import, the path of the module it runs)


def import_graph(ws: Workspace) -> dict[str, list[Edge]]:
    """Module path -> the workspace modules its import-time imports run, in source order."""
    return ws.cached(("fl5-import-graph",), lambda: _build_graph(ws), stable=True)


def _build_graph(ws: Workspace) -> dict[str, list[Edge]]:
    graph: dict[str, list[Edge]] = {}
    for path, facts in ws.modules.items():
        edges: list[Edge] = []
        for stmt in structure(facts).imports:
            target = imported_module(ws, stmt, path)
            if target is not None and target.path != path:
                edges.append((stmt, target.path))
        graph[path] = edges
    return graph


def imported_module(ws: Workspace, stmt: ImportStmt, near: str) -> ModuleFacts | None:
    """The module an import runs: `from pkg import views` runs `pkg.views` if that is a module."""
    if stmt.name is not None:
        submodule = ws.module(f"{stmt.module}.{stmt.name}", near)
        if submodule is not None:
            return submodule
    return ws.module(stmt.module, near)


def import_path(ws: Workspace, start: str, goal: str, avoid: str) -> list[Edge] | None:
    """The import-time edges that lead from module `start` to module `goal` (not through `avoid`).

    Empty when `start` is `goal`; None when `goal` is not reached.
    """
    if start == goal:
        return []
    graph = import_graph(ws)
    previous: dict[str, tuple[str, Edge]] = {}
    queue = deque([start])
    seen = {start, avoid}
    while queue:
        current = queue.popleft()
        for edge in graph.get(current, ()):
            target = edge[1]
            if target in seen:
                continue
            seen.add(target)
            previous[target] = (current, edge)
            if target == goal:
                return list(_unwind(previous, start, goal))[::-1]
            queue.append(target)
    return None


def _unwind(previous: dict[str, tuple[str, Edge]], start: str, goal: str) -> Iterator[Edge]:
    current = goal
    while current != start:
        before, edge = previous[current]
        yield edge
        current = before


def imported_by(ws: Workspace, path: str) -> set[str]:
    """The paths of the workspace modules that import module `path`, directly or not, at any
    depth (function-level imports included: a factory imports its blueprints in its body)."""
    importers = ws.cached(("importers",), lambda: _importers(ws), stable=True)
    seen: set[str] = set()
    todo = [path]
    while todo:
        for importer in importers.get(todo.pop(), ()):
            if importer not in seen:
                seen.add(importer)
                todo.append(importer)
    return seen


def _importers(ws: Workspace) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for path, facts in ws.modules.items():
        for name, _ in facts.imports:
            target = ws.module(name, path) or ws.module(name.rpartition(".")[0], path)
            if target is not None and target.path != path:
                found.setdefault(target.path, set()).add(path)
    return found


# -- helpers that use Flask-SQLAlchemy, judged by their callers -------------------------------------

_MAX_CHAIN = 8


def db_needs(
    ws: Workspace, qualname: str, near: str, ignore_own_context: bool = False
) -> tuple[Related, ...]:
    """The chain to a Flask-SQLAlchemy use that needs an app context from `qualname`'s caller.

    Empty when the function needs nothing: it pushes a context around its uses, or Flask runs it
    with one (a view, a CLI command; its own uses are judged where they are).
    """
    key = ("fl5-db-needs", qualname, near, ignore_own_context)
    return ws.cached(key, lambda: _db_needs(ws, qualname, near, frozenset(), ignore_own_context))


def _db_needs(
    ws: Workspace, qualname: str, near: str, stack: frozenset[str], ignore_own_context: bool
) -> tuple[Related, ...]:
    if qualname in stack or len(stack) > _MAX_CHAIN:
        return ()
    found = ws.function(qualname, near)
    if found is None:
        return ()
    module, info = found
    if info.ctx.known and not ignore_own_context:
        return ()
    for use in structure(module).db_uses:
        if (
            use.function == qualname
            and "app" not in use.pushed
            and "request" not in use.pushed
            and is_flask_sqlalchemy(ws, use.ref, use.via_model, module.path)
        ):
            return (Related(module.path, use.span, f"`{info.name}` uses `{describe(use)}` here"),)
    for call in module.calls:
        if call.function != qualname or call.pushed & {"app", "request"}:
            continue
        callee = ws.resolve_function(call.raw, module.path)
        if callee is None:
            continue
        chain = _db_needs(ws, callee[1].qualname, callee[0].path, stack | {qualname}, False)
        if chain:
            step = Related(module.path, call.span, f"`{info.name}` calls `{callee[1].name}` here")
            return (step, *chain)
    return ()


def describe(use: DbUse) -> str:
    """`db.session`, `User.query`, `db.create_all()` for messages."""
    return use.text + ("()" if not use.via_model and use.attr not in _NOT_CALLED else "")


_NOT_CALLED = frozenset({"session", "engine", "engines"})
