"""What does a name mean on this line? Scopes, bindings and import tracking, from the AST alone.

The resolver answers with a *raw qualified name*: ``from flask import request as rq`` makes
``rq`` mean ``flask.request``; ``import flask as f`` makes ``f.g`` mean ``flask.g``; a relative
import is made absolute. A name bound to anything but an import, a ``def`` or a ``class`` (a
parameter, an assignment, a loop variable...) resolves to ``None``: it is the user's own value,
and not Flask's, whatever it is called. Re-exports through the user's modules are followed later,
by the workspace, which knows every module.
"""

from __future__ import annotations

import ast
import functools
from collections.abc import Iterator
from dataclasses import dataclass, field

from . import astwalk
from .budget import checkpoint

# The names Flask's `__init__` exports, for `from flask import *`.
FLASK_EXPORTS = frozenset(
    [
        "Blueprint",
        "Config",
        "Flask",
        "Request",
        "Response",
        "abort",
        "after_this_request",
        "current_app",
        "g",
        "copy_current_request_context",
        "flash",
        "get_flashed_messages",
        "get_template_attribute",
        "has_app_context",
        "has_request_context",
        "json",
        "jsonify",
        "make_response",
        "redirect",
        "render_template",
        "render_template_string",
        "request",
        "send_file",
        "send_from_directory",
        "session",
        "signals",
        "stream_template",
        "stream_template_string",
        "stream_with_context",
        "url_for",
    ]
)

# Bindings that keep a static meaning we can follow.
STATIC_KINDS = frozenset({"import", "def", "class"})


@dataclass(slots=True)
class Binding:
    kind: str  # import | star | def | class | param | assign | loop | with | except | other
    target: str | None  # qualified name for import/def/class bindings
    line: int  # 1-based, as in `ast`
    value: ast.expr | None = None  # the assigned expression, for `app = Flask(...)`


@dataclass(eq=False)
class Scope:
    kind: str  # module | class | function | lambda
    qualname: str
    node: ast.AST
    parent: Scope | None
    bindings: dict[str, list[Binding]] = field(default_factory=dict)
    declared_global: set[str] = field(default_factory=set)
    declared_nonlocal: set[str] = field(default_factory=set)

    def bind(self, name: str, binding: Binding) -> None:
        self.bindings.setdefault(name, []).append(binding)


AMBIGUOUS = Binding("other", None, 0)


class NameResolver:
    """Builds every scope of a module once; then resolves names and dotted expressions."""

    def __init__(self, tree: ast.Module, module_name: str, is_package: bool = False) -> None:
        self.module_name = module_name
        self.package = module_name if is_package else module_name.rpartition(".")[0]
        self.module_scope = Scope("module", module_name, tree, None)
        self.scopes: dict[ast.AST, Scope] = {tree: self.module_scope}
        self.star_imports: list[str] = []
        # _merge of a name's bindings in a scope, per (id(scope), name): a function that binds
        # one name thousands of times would otherwise make every lookup walk them all.
        self._merged: dict[tuple[int, str], Binding] = {}
        _ScopeBuilder(self).build(tree, self.module_scope)

    def replacing_function(
        self, tree: ast.Module, old: ast.FunctionDef | ast.AsyncFunctionDef, new: ast.AST
    ) -> tuple[NameResolver, set[int]]:
        """This module's resolver for `tree`, where top-level function `old` became `new` with
        the same header (so the module scope binds the same names): the other statements'
        scopes are shared, `new`'s are built. Also returns the ids of `old`'s scopes."""
        assert isinstance(new, ast.FunctionDef | ast.AsyncFunctionDef)
        resolver = NameResolver.__new__(NameResolver)
        resolver.module_name, resolver.package = self.module_name, self.package
        resolver.star_imports = list(self.star_imports)
        # The same module scope object: the other statements' scopes have it as their parent,
        # and code compares scopes by identity. It binds the same names; only its node moves
        # to the new tree (the previous version is not analysed again).
        old_module = resolver.module_scope = self.module_scope
        old_module.node = tree
        removed = {
            id(scope) for node in astwalk.walk(old) if (scope := self.scopes.get(node)) is not None
        }
        resolver.scopes = {
            node: scope
            for node, scope in self.scopes.items()
            if id(scope) not in removed and scope is not old_module
        }
        resolver.scopes[tree] = old_module
        resolver._merged = {
            key: value for key, value in self._merged.items() if key[0] not in removed
        }
        _ScopeBuilder(resolver).function(new, resolver.module_scope, bind_name=False)
        return resolver, removed

    def spellings_of(self, *names: str) -> set[str]:
        """`names` and the names bound anywhere in the module to something called one of them
        (`from flask import Flask as F`): how code here can spell a reference to them."""
        found = set(names)
        for name in names:
            found |= self._aliases.get(name, set())
        return found

    @functools.cached_property
    def _aliases(self) -> dict[str, set[str]]:
        """The names bound (in any scope) to a qualified name, by its last part."""
        aliases: dict[str, set[str]] = {}
        for scope in self.scopes.values():
            for alias, bindings in scope.bindings.items():
                for binding in bindings:
                    if binding.target:
                        aliases.setdefault(binding.target.rpartition(".")[2], set()).add(alias)
        return aliases

    # -- lookups -------------------------------------------------------------------------------

    def scope_of(self, node: ast.AST) -> Scope:
        return self.scopes[node]

    def lookup(self, name: str, scope: Scope, line: int) -> Binding | None:
        """The binding `name` refers to at `line` in `scope`, or None when unbound here."""
        current: Scope | None = scope
        if scope.kind == "class":
            earlier = [b for b in scope.bindings.get(name, ()) if b.line <= line]
            if earlier:
                return earlier[-1]
            current = scope.parent
        while current is not None:
            if current.kind == "class":
                current = current.parent
                continue
            if name in current.declared_global:
                current = self.module_scope
            if name in current.bindings and name not in current.declared_nonlocal:
                if current.kind == "module" and scope.kind in ("module", "class"):
                    # Module code runs top to bottom: the latest binding above wins.
                    earlier = [b for b in current.bindings[name] if b.line <= line]
                    return earlier[-1] if earlier else None
                key = (id(current), name)
                merged = self._merged.get(key)
                if merged is None:
                    merged = self._merged[key] = _merge(current.bindings[name])
                return merged
            current = current.parent
        return self._from_star_import(name)

    def _from_star_import(self, name: str) -> Binding | None:
        for module in self.star_imports:
            if module == "flask" and name not in FLASK_EXPORTS:
                continue
            return Binding("star", f"{module}.{name}", 0)
        return None

    def resolve(self, node: ast.AST, scope: Scope) -> str | None:
        """Raw qualified name of a Name or dotted Attribute chain, if it is statically known."""
        if isinstance(node, ast.Name):
            binding = self.lookup(node.id, scope, node.lineno)
            if binding is None or binding.kind not in STATIC_KINDS | {"star"}:
                return None
            return binding.target
        if isinstance(node, ast.Attribute):
            base = self.resolve(node.value, scope)
            return f"{base}.{node.attr}" if base else None
        return None

    def assigned_value(self, name: str, scope: Scope, line: int) -> ast.expr | None:
        """The expression last assigned to `name` (for `app = Flask(...)`), if unambiguous."""
        binding = self.lookup(name, scope, line)
        return binding.value if binding is not None and binding.kind == "assign" else None

    def absolute_module(self, module: str | None, level: int) -> str:
        if level == 0:
            return module or ""
        parts = self.package.split(".") if self.package else []
        if level > 1:
            parts = parts[: len(parts) - (level - 1)]
        base = ".".join(parts)
        if module:
            return f"{base}.{module}" if base else module
        return base


def _merge(bindings: list[Binding]) -> Binding:
    """A function-level or global name bound several times means something only if all agree."""
    first = bindings[0]
    if all(b.kind == first.kind and b.target == first.target for b in bindings[1:]):
        return first
    return AMBIGUOUS


# The only node types `_ScopeBuilder._bind_statement` binds names for.
_BINDING_NODES = frozenset(
    {
        ast.Import,
        ast.ImportFrom,
        ast.Global,
        ast.Nonlocal,
        ast.Assign,
        ast.AnnAssign,
        ast.AugAssign,
        ast.NamedExpr,
        ast.For,
        ast.AsyncFor,
        ast.comprehension,
        ast.withitem,
        ast.ExceptHandler,
        ast.MatchAs,
        ast.MatchStar,
        ast.MatchMapping,
        ast.Delete,
    }
)
# Node types with no children that matter: expression contexts and operators (shared
# singletons), and names and constants (they bind nothing, call nothing, hold no scope).
LEAF_TYPES = frozenset(
    kind
    for base in (ast.expr_context, ast.operator, ast.boolop, ast.cmpop, ast.unaryop)
    for kind in base.__subclasses__()
)
NO_BINDINGS = LEAF_TYPES | {ast.Name, ast.Constant, type(None), str, int}


class _ScopeBuilder:
    """Collects every binding of every scope (Python decides scope membership per function)."""

    def __init__(self, resolver: NameResolver) -> None:
        self.resolver = resolver

    def build(self, node: ast.AST, scope: Scope) -> None:
        for child in _scope_body(node):
            checkpoint()
            self._visit(child, scope)

    def _visit(self, node: ast.AST, scope: Scope) -> None:
        kind = type(node)
        if kind is ast.FunctionDef or kind is ast.AsyncFunctionDef:
            self._function(node, scope)  # type: ignore[arg-type]
            return
        if kind is ast.ClassDef:
            self._class(node, scope)  # type: ignore[arg-type]
            return
        if kind is ast.Lambda:
            self._lambda(node, scope)  # type: ignore[arg-type]
            return
        if kind in _BINDING_NODES:
            self._bind_statement(node, scope)
        for name in node._fields:
            value = getattr(node, name, None)
            if type(value) is list:
                for item in value:
                    if type(item) not in NO_BINDINGS and isinstance(item, ast.AST):
                        self._visit(item, scope)
            elif type(value) not in NO_BINDINGS and isinstance(value, ast.AST):
                self._visit(value, scope)

    def _function(self, node: ast.FunctionDef | ast.AsyncFunctionDef, scope: Scope) -> None:
        self.function(node, scope)

    def function(
        self, node: ast.FunctionDef | ast.AsyncFunctionDef, scope: Scope, bind_name: bool = True
    ) -> None:
        for expr in [*node.decorator_list, *node.args.defaults, *node.args.kw_defaults]:
            if expr is not None:
                self._visit(expr, scope)
        qualname = _child_qualname(scope, node.name)
        if bind_name:
            scope.bind(node.name, Binding("def", qualname, node.lineno))
        inner = Scope("function", qualname, node, scope)
        self.resolver.scopes[node] = inner
        for arg in _all_args(node.args):
            inner.bind(arg.arg, Binding("param", None, node.lineno))
        self.build(node, inner)

    def _lambda(self, node: ast.Lambda, scope: Scope) -> None:
        for expr in [*node.args.defaults, *node.args.kw_defaults]:
            if expr is not None:
                self._visit(expr, scope)
        inner = Scope("lambda", f"{scope.qualname}.<lambda>", node, scope)
        self.resolver.scopes[node] = inner
        for arg in _all_args(node.args):
            inner.bind(arg.arg, Binding("param", None, node.lineno))
        self._visit(node.body, inner)

    def _class(self, node: ast.ClassDef, scope: Scope) -> None:
        for expr in [*node.decorator_list, *node.bases, *(k.value for k in node.keywords)]:
            self._visit(expr, scope)
        qualname = _child_qualname(scope, node.name)
        scope.bind(node.name, Binding("class", qualname, node.lineno))
        inner = Scope("class", qualname, node, scope)
        self.resolver.scopes[node] = inner
        self.build(node, inner)

    def _bind_statement(self, node: ast.AST, scope: Scope) -> None:
        line = getattr(node, "lineno", 0)
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname:
                    scope.bind(alias.asname, Binding("import", alias.name, line))
                else:
                    root = alias.name.partition(".")[0]
                    scope.bind(root, Binding("import", root, line))
        elif isinstance(node, ast.ImportFrom):
            module = self.resolver.absolute_module(node.module, node.level)
            for alias in node.names:
                if alias.name == "*":
                    self.resolver.star_imports.append(module)
                    continue
                qualified = f"{module}.{alias.name}" if module else alias.name
                scope.bind(alias.asname or alias.name, Binding("import", qualified, line))
        elif isinstance(node, ast.Global):
            scope.declared_global.update(node.names)
        elif isinstance(node, ast.Nonlocal):
            scope.declared_nonlocal.update(node.names)
        elif isinstance(node, ast.Assign):
            value = node.value if len(node.targets) == 1 else None
            for target in node.targets:
                self._bind_target(target, scope, "assign", line, value)
        elif isinstance(node, ast.AnnAssign | ast.AugAssign):
            value = node.value if isinstance(node, ast.AnnAssign) else None
            kind = "assign" if value is not None else "other"
            self._bind_target(node.target, scope, kind, line, value)
        elif isinstance(node, ast.NamedExpr):
            self._bind_target(node.target, _function_or_module(scope), "assign", line, node.value)
        elif isinstance(node, ast.For | ast.AsyncFor | ast.comprehension):
            self._bind_target(node.target, scope, "loop", line or scope_line(scope), None)
        elif isinstance(node, ast.withitem) and node.optional_vars is not None:
            self._bind_target(node.optional_vars, scope, "with", node.optional_vars.lineno, None)
        elif isinstance(node, ast.ExceptHandler) and node.name:
            scope.bind(node.name, Binding("except", None, line))
        elif isinstance(node, ast.MatchAs | ast.MatchStar) and node.name:
            scope.bind(node.name, Binding("other", None, line))
        elif isinstance(node, ast.MatchMapping) and node.rest:
            scope.bind(node.rest, Binding("other", None, line))
        elif isinstance(node, ast.Delete):
            for target in node.targets:
                self._bind_target(target, scope, "other", line, None)

    def _bind_target(
        self, target: ast.AST, scope: Scope, kind: str, line: int, value: ast.expr | None
    ) -> None:
        if isinstance(target, ast.Name):
            scope.bind(target.id, Binding(kind, None, line, value))
        elif isinstance(target, ast.Tuple | ast.List):
            for element in target.elts:
                self._bind_target(element, scope, kind, line, None)
        elif isinstance(target, ast.Starred):
            self._bind_target(target.value, scope, kind, line, None)


def scope_line(scope: Scope) -> int:
    return getattr(scope.node, "lineno", 0)


def _function_or_module(scope: Scope) -> Scope:
    while scope.kind == "class" and scope.parent is not None:
        scope = scope.parent
    return scope


def _child_qualname(scope: Scope, name: str) -> str:
    if scope.kind in ("function", "lambda"):
        return f"{scope.qualname}.<locals>.{name}"
    return f"{scope.qualname}.{name}"


def _all_args(args: ast.arguments) -> Iterator[ast.arg]:
    yield from args.posonlyargs
    yield from args.args
    if args.vararg:
        yield args.vararg
    yield from args.kwonlyargs
    if args.kwarg:
        yield args.kwarg


def _scope_body(node: ast.AST) -> list[ast.AST]:
    if isinstance(node, ast.Module | ast.ClassDef):
        return list(node.body)
    if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
        return list(node.body)
    return astwalk.children(node)
