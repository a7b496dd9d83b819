"""Typing inside one function re-analyses that function only.

An edit that stays inside one top-level statement is re-parsed alone (see source.py): the new
tree shares every other statement's nodes with the old one, at the same positions. When that
statement is a function whose header (decorators, signature) did not change, nothing the other
statements see of it changed either: the module scope binds the same names, the same functions
are registered by calls. Then each analysis re-uses what every other statement produced, in
the old order, and analyses the new function alone, in the state the last full run recorded
for it (`Marks`): the facts are those of a full analysis, at the cost of one function.

Anything else (a changed header, a new nested class, a registration added, an analysis without
marks, a whole-text switch that flipped) falls back to the full analysis.
"""

from __future__ import annotations

import ast
from collections.abc import Sequence
from typing import Any

from . import astwalk
from .module import (
    Marks,
    ModuleFacts,
    ParsedModule,
    _FactsVisitor,
    _looks_like_entry_point,
    registrations,
)
from .source import ParseResult, SourceText

Part = list[Any] | dict[Any, Any] | int


def lengths(parts: Sequence[Part]) -> tuple[int, ...]:
    """What `Marks.ends` records after a statement: list and dict sizes, counters' values."""
    return tuple(part if isinstance(part, int) else len(part) for part in parts)


def splice(
    old: Sequence[Part], fresh: Sequence[Part], marks: Marks, index: int
) -> tuple[list[Any], list[tuple[int, ...]]]:
    """`old`'s parts with statement `index`'s share replaced by `fresh` (the same statement
    analysed again); and the marks of the result."""
    start = marks.ends[index - 1] if index else (0,) * len(old)
    end = marks.ends[index]
    parts: list[Part] = []
    for before, new, first, last in zip(old, fresh, start, end, strict=True):
        if isinstance(before, int):
            assert isinstance(new, int)
            parts.append(before - (last - first) + new)
        elif isinstance(before, dict):
            assert isinstance(new, dict)
            items = list(before.items())
            parts.append(dict([*items[:first], *new.items(), *items[last:]]))
        else:
            assert isinstance(new, list)
            parts.append([*before[:first], *new, *before[last:]])
    delta = tuple(
        len_now - (last - first)
        for len_now, first, last in zip(lengths(fresh), start, end, strict=True)
    )
    ends = [
        *marks.ends[:index],
        *(tuple(x + d for x, d in zip(t, delta, strict=True)) for t in marks.ends[index:]),
    ]
    return parts, ends


def owned_by(qualname: str, owner: str) -> bool:
    """Is `qualname` `owner` or something defined inside it?"""
    return qualname == owner or qualname.startswith(owner + ".")


def _fact_parts(facts: ModuleFacts) -> list[Part]:
    """A module's facts in the order `_FactsVisitor` records their `Marks`."""
    return [
        facts.uses,
        facts.calls,
        facts.thread_starts,
        facts.context_creations,
        facts.imports,
        facts.import_sites,
        facts.functions,
    ]


def replaced_function(previous: ParsedModule, parse: ParseResult) -> int | None:
    """The index of the one top-level function `parse` re-parsed with the same header."""
    old_body, new_body = previous.tree.body, parse.tree.body
    if len(old_body) != len(new_body):
        return None
    changed = [i for i, (a, b) in enumerate(zip(old_body, new_body, strict=True)) if a is not b]
    if len(changed) != 1:
        return None
    index = changed[0]
    old, new = old_body[index], new_body[index]
    if not isinstance(old, ast.FunctionDef | ast.AsyncFunctionDef) or type(old) is not type(new):
        return None
    assert isinstance(new, ast.FunctionDef | ast.AsyncFunctionDef)
    if _header(old) != _header(new):
        return None
    # Lines the parser cut (half-typed code) must lie in the function's body, both times.
    body_start = new.lineno  # 0-based index of the line after `def`
    for result in (previous.parse, parse):
        if any(not (body_start <= a and b <= (new.end_lineno or 0) - 1) for a, b in result.broken):
            return None
    if len(previous.names.module_scope.bindings.get(old.name, ())) != 1:
        return None  # defined twice: the statements' facts share a name
    for node in (old, new):
        if any(isinstance(n, ast.ClassDef | ast.NamedExpr) for n in astwalk.walk(node)):
            return None  # classes inside: view classes are module-wide state
    return index


def _header(node: ast.FunctionDef | ast.AsyncFunctionDef) -> str:
    parts: list[ast.AST | None] = [*node.decorator_list, node.args, node.returns]
    return (
        "|".join(
            ast.dump(part, include_attributes=True) if part is not None else "-" for part in parts
        )
        + f"|{node.name}|{node.lineno}|{node.col_offset}"
    )


def reanalyse_one_function(
    previous: ParsedModule, path: str, source: SourceText, parse: ParseResult
) -> ParsedModule | None:
    """`previous` with one top-level function re-analysed, or None (then analyse it all)."""
    from .extractors import extractors

    index = replaced_function(previous, parse)
    facts_marks = previous.marks.get("facts")
    if index is None or facts_marks is None or len(facts_marks.ends) != len(parse.tree.body):
        return None
    old = previous.tree.body[index]
    new = parse.tree.body[index]
    assert isinstance(old, ast.FunctionDef | ast.AsyncFunctionDef)
    new_nodes = astwalk.walk(new)
    old_registrations = registrations(previous.statement_nodes[index], previous.source)
    if list(old_registrations) != list(registrations(new_nodes, source)):
        return None  # registers other functions differently: their contexts may change
    names, removed = previous.names.replacing_function(parse.tree, old, new)
    registered, old_app_vars = facts_marks.extra
    # Flask apps bound in each scope (by scope id; the module scope is the same object): the
    # function sees the module's, as in a full run (which keeps those above it by line).
    app_vars = {key: value for key, value in old_app_vars.items() if key not in removed}
    module_id = id(names.module_scope)
    visitor = _FactsVisitor(source, names, parse.tree, registered=registered)
    visitor.app_vars = {module_id: list(app_vars.get(module_id, []))}
    visitor.visit_alone(new, facts_marks.entry[index])

    old_facts = previous.facts
    parts, ends = splice(
        _fact_parts(old_facts), [*visitor.outputs(), visitor.functions], facts_marks, index
    )
    uses, calls, threads, creations, imports, import_sites, functions = parts
    all_app_vars = {key: found for key, found in {**app_vars, **visitor.app_vars}.items() if found}
    scope_of_node = dict(previous.scope_of_node)
    for node in astwalk.walk(old):
        scope_of_node.pop(id(node), None)
    scope_of_node.update(visitor.scope_of_node)

    facts = ModuleFacts(
        path=path,
        module_name=old_facts.module_name,
        is_package=old_facts.is_package,
        exports=old_facts.exports,  # the same module scope
        star_imports=list(old_facts.star_imports),
        functions=functions,
        uses=uses,
        calls=calls,
        thread_starts=threads,
        context_creations=creations,
        mentions_server_name="SERVER_NAME" in source.text,
        looks_like_entry_point=_looks_like_entry_point(path, source.text, bool(all_app_vars)),
        broken=list(parse.broken),
        parse_error=parse.error,
        imports=imports,
        import_sites=import_sites,
    )
    module = ParsedModule(path, previous.module_name, source, parse, names, facts, scope_of_node)
    module.marks["facts"] = Marks(ends, facts_marks.entry, [registered, all_app_vars])
    module.derived_from = (previous, index)
    previous.derived_from = None  # one step back is all `Project.findings` needs
    statement_nodes = list(previous.statement_nodes)
    statement_nodes[index] = new_nodes
    module.__dict__["statement_nodes"] = statement_nodes  # the cached property, pre-filled
    for name, extract, replace in extractors():
        found = replace(module, previous, index) if replace is not None else None
        facts.extras[name] = found if found is not None else extract(module)
    return module


def same_to_others(previous: ParsedModule, module: ParsedModule, index: int) -> bool:
    """Did top-level function `index`, analysed again, give the rest of the module and the
    workspace exactly what it gave before? Its calls, proxy uses, functions, routes,
    configuration and data-layer facts (positions included), but not its `url_for` and
    `redirect` calls: findings about those are its own. If so, the findings of every other
    statement stand (see `Project.findings`)."""
    from . import structure
    from .appconfig import NAME as CONFIG
    from .route_facts import CALL_PARTS
    from .route_facts import NAME as ROUTES
    from .route_facts import statement_parts as route_parts

    old, new = previous.facts, module.facts

    def config_parts(facts: ModuleFacts) -> list[Part]:
        config = facts.extras.get(CONFIG)
        return [list(config.values), list(config.external)] if config is not None else []

    def structure_parts(facts: ModuleFacts) -> list[Part]:
        found = facts.extras.get(structure.NAME)
        return structure.statement_parts(found) if found is not None else []

    def routes_parts(facts: ModuleFacts) -> list[Part]:
        found = facts.extras.get(ROUTES)
        if found is None:
            return []
        parts = route_parts(found)
        return [part for number, part in enumerate(parts) if number not in CALL_PARTS]

    def facts_parts(facts: ModuleFacts) -> list[Part]:
        parts = _fact_parts(facts)
        return parts if used_elsewhere else parts[1:]  # without `uses`

    # The function's proxy uses matter to the rest of the module only through its callers
    # (a helper is judged by them, the finding is at the call): compare them only if another
    # statement can call it, as they change with most keystrokes that write Flask code.
    used_elsewhere = _called_elsewhere(module, index)
    checks = [
        ("facts", facts_parts, None if used_elsewhere else (0,)),
        (CONFIG, config_parts, None),
        (structure.NAME, structure_parts, None),
        (ROUTES, routes_parts, CALL_PARTS),
    ]
    for name, parts_of, skipped in checks:
        old_marks, new_marks = previous.marks.get(name), module.marks.get(name)
        if old_marks is None or new_marks is None:
            return False
        if len(old_marks.ends) != len(previous.tree.body) or len(new_marks.ends) != len(
            module.tree.body
        ):
            return False
        if not _same_share(parts_of(old), old_marks, parts_of(new), new_marks, index, skipped):
            return False
    # Extras without per-statement marks (FL107's `g` stores) are compared whole: the other
    # statements' share is the same, so a difference is the function's own.
    for name in old.extras.keys() - {CONFIG, structure.NAME, ROUTES}:
        if old.extras[name] != new.extras.get(name):
            return False
    old_config, new_config = previous.marks[CONFIG], module.marks[CONFIG]
    if old_config.extra[index] != new_config.extra[index]:  # calls `Flask(...)`
        return False
    old_structure, new_structure = previous.marks[structure.NAME], module.marks[structure.NAME]
    if _share(old.extras[structure.NAME].factories, old_structure.extra, index) != _share(
        new.extras[structure.NAME].factories, new_structure.extra, index
    ):
        return False
    owner = module.names.scope_of(module.tree.body[index]).qualname
    for attribute in ("commits", "rollbacks", "raising"):
        before = {q for q in getattr(old.extras[structure.NAME], attribute) if owned_by(q, owner)}
        after = {q for q in getattr(new.extras[structure.NAME], attribute) if owned_by(q, owner)}
        if before != after:
            return False
    return True


def _called_elsewhere(module: ParsedModule, index: int) -> bool:
    """Can another statement of the module call (or start a thread on) function `index`?"""
    statement = module.tree.body[index]
    assert isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef)
    marks = module.marks["facts"]
    facts = module.facts
    columns = {"calls": 1, "thread_starts": 2}
    for name, column in columns.items():
        items: list[Any] = getattr(facts, name)
        start = marks.ends[index - 1][column] if index else 0
        end = marks.ends[index][column]
        for item in [*items[:start], *items[end:]]:
            raw = item.raw if name == "calls" else item.target
            if raw is not None and raw.rpartition(".")[2] == statement.name:
                return True
    return False


def _same_share(
    old: Sequence[Part],
    old_marks: Marks,
    new: Sequence[Part],
    new_marks: Marks,
    index: int,
    skipped: tuple[int, ...] | None,
) -> bool:
    """Are statement `index`'s shares of `old` and `new` equal (marks' columns in `skipped`
    belong to parts left out of `old`/`new`)?"""
    columns = [c for c in range(len(old_marks.ends[index])) if not skipped or c not in skipped]
    for part_old, part_new, column in zip(old, new, columns, strict=True):
        if _slice(part_old, old_marks, index, column) != _slice(part_new, new_marks, index, column):
            return False
    return True


def _slice(part: Part, marks: Marks, index: int, column: int) -> object:
    start = marks.ends[index - 1][column] if index else 0
    end = marks.ends[index][column]
    if isinstance(part, int):
        return end - start
    if isinstance(part, dict):
        return list(part.items())[start:end]
    return part[start:end]


def _share(items: list[Any], ends: list[int], index: int) -> list[Any]:
    return items[ends[index - 1] if index else 0 : ends[index]]
