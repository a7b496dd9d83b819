"""Where code puts attributes on `flask.g` (for FL107), recorded per module while its AST lives.

Each store keeps the context the analysis gives the `g` there (the proxy use at the same
place), so that the workspace can tell start-up code (`with app.app_context():`, CLI commands)
from request-time code and from helpers of unknown context. Besides `g.name = ...` (and `+=`,
`for g.name in`...), `setattr(g, "name", ...)` and `g.setdefault("name", ...)` set a name; a
computed name, `g.__dict__`, `vars(g)`, or `g` handed to other code may set any (`attr` None).

Registered in `flask_lsp/analysis/extractors.py` as `extras["g_attributes"]`; it belongs in the
analysis (beside the proxy uses of `module.py`) and lives here only while that is being edited.
"""

from __future__ import annotations

import ast
import bisect
import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from . import astwalk
from . import contexts as cx
from .contexts import ExecContext
from .findings import Span
from .module import context_pushed_by
from .pickling import by_fields
from .strict import reraise_if_strict

if TYPE_CHECKING:
    from flask_lsp.analysis.module import ParsedModule, ProxyUse

log = logging.getLogger(__name__)

NAME = "g_attributes"

# Calls whose first argument is `g` without handing it on: they read it, test it, or (setattr)
# set a name, which is recorded.
_INSPECTING = frozenset({"getattr", "hasattr", "delattr", "isinstance", "setattr", "type", "id"})
# Names whose presence in a start-up block means it serves requests itself (a request made
# there reuses the block's application context, and sees its `g`).
SERVING = frozenset(
    {
        "test_client",
        "client",
        "test_request_context",
        "request_context",
        "full_dispatch_request",
        "dispatch_request",
        "wsgi_app",
    }
)


@by_fields
@dataclass(frozen=True, slots=True)
class GStore:
    attr: str | None  # None: any attribute may be set here
    raw: str  # what `g` resolves to, before re-exports are followed
    span: Span  # `g.name` (or the call / the escaping `g`)
    ctx: ExecContext
    pushed: frozenset[str]
    function: str | None
    via_with: bool  # inside a `with` block that pushes a context, popped when the block ends
    serves: bool  # that block (or the function, outside one) makes requests itself


@by_fields
@dataclass(frozen=True, slots=True)
class GFacts:
    stores: tuple[GStore, ...]

    def structure_key(self) -> object:
        """No stable workspace memo reads these (FL107 derives its map per generation)."""
        return ()


EMPTY = GFacts(())


def extract(module: ParsedModule) -> GFacts:
    """Never raises: a bug or a pathological file costs these facts, not the module."""
    try:
        return _extract(module)
    except Exception as error:  # RecursionError on absurd nesting included
        reraise_if_strict(error)
        log.warning("g attribute facts failed for %s", module.path, exc_info=True)
        return EMPTY


def _extract(module: ParsedModule) -> GFacts:
    spellings = module.spellings_of("g")
    names = [
        node
        for node in module.nodes_of(ast.Name)
        if node.id in spellings and isinstance(node.ctx, ast.Load)
    ]
    raws = {id(node): raw for node in names if (raw := _g_raw(module, node)) is not None}
    if not raws:
        return EMPTY
    body = module.tree.body
    starts = [statement.lineno for statement in body]
    by_statement: dict[int, list[ast.Name]] = {}
    for node in names:
        if id(node) in raws:
            index = bisect.bisect_right(starts, node.lineno) - 1
            if index >= 0:
                by_statement.setdefault(index, []).append(node)
    uses = {u.span: u for u in module.facts.uses if u.proxy == "g"}
    stores: list[GStore] = []
    for index in sorted(by_statement):
        parents = astwalk.parents(body[index])
        for node in by_statement[index]:
            store = _store(module, node, raws[id(node)], parents, uses)
            if store is not None:
                stores.append(store)
    return GFacts(tuple(stores))


def _g_raw(module: ParsedModule, node: ast.Name) -> str | None:
    raw = module.resolve(node)
    return raw if raw is not None and raw.rpartition(".")[2] == "g" else None


def _store(
    module: ParsedModule,
    node: ast.Name,
    raw: str,
    parents: dict[int, ast.AST],
    uses: dict[Span, ProxyUse],
) -> GStore | None:
    """The store `g` at `node` makes, if any: `g.x = ...`, `setattr(g, "x", ...)`,
    `g.setdefault("x", ...)`, or `g` going where code can set anything on it."""
    parent = parents.get(id(node))
    attr: str | None
    at: ast.AST = node
    if isinstance(parent, ast.Attribute):
        at = parent
        grand = parents.get(id(parent))
        if isinstance(parent.ctx, ast.Store):
            attr = parent.attr
        elif parent.attr == "setdefault" and isinstance(grand, ast.Call) and grand.func is parent:
            attr, at = _literal_name(grand.args[0] if grand.args else None), grand
        elif parent.attr == "__dict__":
            attr = None
        else:
            return None  # a read (`g.x`, `g.get(...)`, `g.pop(...)`), or `del g.x`
    elif isinstance(parent, ast.Call) and node in parent.args:
        callee = astwalk.last_name(parent.func)
        if callee == "setattr" and parent.args[0] is node:
            attr, at = _literal_name(parent.args[1] if len(parent.args) > 1 else None), parent
        elif callee in _INSPECTING and parent.args[0] is node:
            return None
        else:
            attr, at = None, parent  # `vars(g)`, `helper(g)`: may set anything
    elif _only_inspected(node, parent):
        return None
    else:
        attr = None  # `x = g`, `return g`...: anything may be set through it
    ctx, pushed, function = _context(module, node, uses)
    block: ast.AST | None = _pushing_block(module, node, parents)
    via_with = block is not None
    if block is None:
        block = _enclosing_function(node, parents)
    return GStore(
        attr=attr,
        raw=raw,
        span=module.span(at),
        ctx=ctx,
        pushed=pushed,
        function=function,
        via_with=via_with,
        serves=block is not None and _serves(block),
    )


def _literal_name(node: ast.expr | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _only_inspected(node: ast.Name, parent: ast.AST | None) -> bool:
    """`"x" in g`, `if g:`, `not g`, `g and ...`, `g[...]`: tested or read, never handed on."""
    if isinstance(parent, ast.Compare | ast.BoolOp | ast.UnaryOp | ast.Subscript):
        return True
    if isinstance(parent, ast.If | ast.While | ast.IfExp | ast.Assert):
        return parent.test is node
    return isinstance(parent, ast.Expr)


def _context(
    module: ParsedModule, node: ast.Name, uses: dict[Span, ProxyUse]
) -> tuple[ExecContext, frozenset[str], str | None]:
    """The context the analysis recorded for this `g`; for a `g` it did not record (one handed
    to a call), that of the enclosing function, or unknown at module level."""
    use = uses.get(module.span(node))
    if use is not None:
        return use.ctx, use.pushed, use.function
    scope = module.scope_at(node)
    while scope is not None and scope.kind != "module":
        if scope.kind == "lambda":
            return cx.UNKNOWN, frozenset(), None
        info = module.facts.functions.get(scope.qualname)
        if info is not None:
            return info.ctx, frozenset(), info.qualname
        scope = scope.parent  # type: ignore[assignment]
    return cx.UNKNOWN, frozenset(), None


def _pushing_block(
    module: ParsedModule, node: ast.AST, parents: dict[int, ast.AST]
) -> ast.With | ast.AsyncWith | None:
    """The innermost `with` around `node` (in its function) that pushes a context."""
    current = parents.get(id(node))
    while current is not None and not isinstance(
        current, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda
    ):
        if isinstance(current, ast.With | ast.AsyncWith):
            scope = module.scope_at(current.items[0].context_expr)
            if any(context_pushed_by(module.names, scope, i.context_expr) for i in current.items):
                return current
        current = parents.get(id(current))
    return None


def _enclosing_function(
    node: ast.AST, parents: dict[int, ast.AST]
) -> ast.FunctionDef | ast.AsyncFunctionDef | None:
    current = parents.get(id(node))
    while current is not None:
        if isinstance(current, ast.FunctionDef | ast.AsyncFunctionDef):
            return current
        current = parents.get(id(current))
    return None


def _serves(block: ast.AST) -> bool:
    for child in astwalk.walk(block):
        if isinstance(child, ast.Name | ast.Attribute) and astwalk.last_name(child) in SERVING:
            return True
    return False
