"""One pass over a module's AST that records the facts the rules and the workspace need.

The visitor walks statements in order, keeping the execution context (see contexts.py) of the
code it is in, and records:
- every dereference of a Flask context proxy (`request.args`, `g.user = ...`, `url_for(...)`),
- every call that may lead into the user's own code (for helpers judged by their callers),
- every thread / executor / process start, with its target and the proxies handed to it,
- every app or request context created and never entered.
Everything recorded is small and position-based, so a module's facts can outlive its AST.
"""

from __future__ import annotations

import ast
import copy
import functools
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeVar

from . import astwalk
from . import contexts as cx
from .budget import checkpoint
from .contexts import ExecContext
from .extractors import extractors
from .findings import Span
from .names import LEAF_TYPES, Binding, NameResolver, Scope
from .pickling import by_fields
from .source import Mentions, ParseResult, SourceText, parse_tolerant

# Roots whose calls can never lead back into the user's code.
_EXTERNAL_ROOTS = frozenset(sys.stdlib_module_names) | {
    "flask",
    "werkzeug",
    "jinja2",
    "click",
    "sqlalchemy",
    "flask_sqlalchemy",
    "itsdangerous",
}
_THREAD_CLASSES = {
    "threading.Thread": "thread",
    "threading.Timer": "thread",
    "multiprocessing.Process": "process",
    "multiprocessing.context.Process": "process",
    "gevent.spawn": "thread",
    "eventlet.spawn": "thread",
}
_POOL_METHODS = frozenset({"submit", "map", "apply", "apply_async", "map_async", "imap", "starmap"})
_POOL_METHODS_AND_EXECUTOR = _POOL_METHODS | {"run_in_executor"}
# The last parts of the thread-starting names above, and `asyncio.to_thread`.
_THREAD_NAMES = frozenset(name.rpartition(".")[2] for name in _THREAD_CLASSES) | {"to_thread"}
_POOL_NAME = re.compile(r"(executor|pool)", re.IGNORECASE)
_FACTORY_NAMES = frozenset({"create_app", "make_app", "app_factory", "build_app", "get_app"})
_CONTEXT_FACTORIES = cx.APP_CONTEXT_MANAGERS | {"test_request_context", "request_context"}


N = TypeVar("N", bound=ast.AST)
# Stands for a lambda in `ProxyUse.function` / `CallSite.function`: "<lambda>", or
# "outer.<lambda>" inside function `outer` (a name no function of the workspace has).
LAMBDA = "<lambda>"
_FUNCTION_KINDS: tuple[type[ast.AST], ...] = (ast.FunctionDef, ast.AsyncFunctionDef)


@by_fields
@dataclass(slots=True)
class ProxyUse:
    proxy: str  # request | session | g | current_app | url_for
    raw: str  # qualified name before re-exports are followed
    span: Span
    ctx: ExecContext  # effective context at this point
    pushed: frozenset[str]  # contexts pushed by `with` blocks inside the enclosing function
    function: str | None  # qualified name of the enclosing function, None at module level
    statement: Span | None  # the simple statement around it, when it owns its lines
    app_var: str | None  # an app object in scope, for `with app.app_context():`


@by_fields
@dataclass(slots=True)
class CallSite:
    raw: str
    span: Span
    ctx: ExecContext
    pushed: frozenset[str]
    function: str | None
    statement: Span | None
    app_var: str | None


@by_fields
@dataclass(slots=True)
class ThreadStart:
    kind: str  # thread | process
    api: str  # what started it, for messages: "threading.Thread", "executor.submit"...
    target: str | None  # raw qualified name of the target function
    target_span: Span | None
    proxy_args: list[tuple[str, str, Span]]  # (proxy name, raw, span)
    ctx: ExecContext
    function: str | None
    nested_target: bool  # the target is a function defined inside the starting function
    # Proxies a lambda target reads: looked up in the thread (a lambda runs there).
    lambda_reads: list[tuple[str, str, Span]] = field(default_factory=list)


@by_fields
@dataclass(slots=True)
class ImportSite:
    """An import statement and the context it runs in (module code runs when it is imported)."""

    name: str  # absolute dotted name, e.g. "shop.views" or "shop.views.bp"
    span: Span
    ctx: ExecContext
    pushed: frozenset[str]
    function: str | None


@by_fields
@dataclass(slots=True)
class FunctionInfo:
    qualname: str
    name: str
    span: Span  # the name in `def name(`
    def_span: Span  # from the first decorator to the end of the signature line
    indent: str
    ctx: ExecContext
    copies_request_context: bool
    parent: str | None
    is_generator: bool


@by_fields
@dataclass(slots=True)
class ContextCreation:
    kind: str  # app_context | test_request_context | request_context
    span: Span  # the call
    statement: Span
    call_text: str
    bare: bool  # an expression statement (not assigned)


@dataclass
class ModuleFacts:
    path: str
    module_name: str
    is_package: bool
    exports: dict[str, tuple[str, str | None]]  # name -> (binding kind, target)
    star_imports: list[str]
    functions: dict[str, FunctionInfo]
    uses: list[ProxyUse]
    calls: list[CallSite]
    thread_starts: list[ThreadStart]
    context_creations: list[ContextCreation]
    mentions_server_name: bool
    # Signs that the module is run directly (not only imported): creates a Flask app, has a
    # `__main__` guard, or is a test module.
    looks_like_entry_point: bool
    broken: list[tuple[int, int]]
    parse_error: str | None
    imports: list[tuple[str, Span]] = field(default_factory=list)  # absolute module names
    import_sites: list[ImportSite] = field(default_factory=list)
    # Facts added by other analyses (routes, config...), keyed by analysis name.
    extras: dict[str, Any] = field(default_factory=dict)


@dataclass
class Marks:
    """Where each top-level statement's output ends in an analysis's lists (their lengths after
    it), and the analysis's state on entering it: what lets an edit inside one function re-use
    the output of every other statement (see incremental.py)."""

    ends: list[tuple[int, ...]] = field(default_factory=list)
    entry: list[Any] = field(default_factory=list)
    # Anything else the analysis needs to redo one statement alone (per statement or not).
    extra: list[Any] = field(default_factory=list)
    # Switches the analysis took from the whole text (`"Flask" in text`...): another value
    # changes how every statement is analysed, so nothing can be re-used.
    switches: tuple[object, ...] = ()


@dataclass
class ParsedModule:
    """A module while its AST is alive: what rules see."""

    path: str
    module_name: str
    source: SourceText
    parse: ParseResult
    names: NameResolver
    facts: ModuleFacts
    scope_of_node: dict[int, Scope]  # id(node) -> innermost scope, for every visited expression
    # Per analysis, where each top-level statement's output ends (see incremental.py).
    marks: dict[str, Marks] = field(default_factory=dict)
    # When this module came from a previous version by re-analysing one top-level function:
    # that version and the function's index (see incremental.py).
    derived_from: tuple[ParsedModule, int] | None = None
    # A view for checking one top-level statement only (see `only_statement`): its index.
    region: int | None = None
    # `nodes` by exact type, and filtered by sets of types (see `nodes_of`).
    _by_type: dict[type[ast.AST], list[ast.AST]] | None = field(default=None, repr=False)
    _by_types: dict[tuple[type[ast.AST], ...], list[ast.AST]] = field(
        default_factory=dict, repr=False
    )

    @property
    def tree(self) -> ast.Module:
        return self.parse.tree

    @property
    def checked_statements(self) -> list[ast.stmt]:
        """The top-level statements rules look at: all, or the region's one."""
        body = self.parse.tree.body
        return body if self.region is None else body[self.region : self.region + 1]

    @property
    def cache_token(self) -> object:
        """What per-module memos of rule helpers are keyed on (a view is not its module)."""
        return self.parse.tree if self.region is None else self

    @functools.cached_property
    def statement_nodes(self) -> list[list[ast.AST]]:
        """The nodes of each top-level statement (breadth first within it)."""
        return [astwalk.walk(statement) for statement in self.parse.tree.body]

    @functools.cached_property
    def all_nodes(self) -> list[ast.AST]:
        """Every node of the tree, statement by statement: one walk shared by all the rules
        (an edit inside one statement walks that statement again, see `incremental`)."""
        found: list[ast.AST] = [self.parse.tree]
        for nodes in self.statement_nodes:
            found.extend(nodes)
        return found

    @property
    def nodes(self) -> list[ast.AST]:
        """The nodes rules look at: `all_nodes`, or those of the region's statement."""
        if self.region is None:
            return self.all_nodes
        return [self.parse.tree, *self.statement_nodes[self.region]]

    def only_statement(self, index: int) -> ParsedModule:
        """A view of this module in which rules check top-level statement `index` only (they
        still see the whole module through its facts, names and `all_nodes`)."""
        view = copy.copy(self)
        view.region = index
        view._by_type, view._by_types = None, {}
        return view

    def nodes_of(self, kind: type[N]) -> list[N]:
        """The nodes rules look at (`nodes`) of exactly type `kind`, in walk order. One pass
        sorts every node by type, for all rules: a pass of their own per rule cost more than
        the rules' checks themselves."""
        by_type = self._by_type
        if by_type is None:
            by_type = self._by_type = {}
            for node in self.nodes:
                bucket = by_type.get(type(node))
                if bucket is None:
                    by_type[type(node)] = [node]
                else:
                    bucket.append(node)
        return by_type.get(kind, [])  # type: ignore[return-value]

    def nodes_of_types(self, kinds: tuple[type[ast.AST], ...]) -> list[ast.AST]:
        """The nodes of any of these exact types, in walk order (one pass per set of types)."""
        found = self._by_types.get(kinds)
        if found is None:
            wanted = frozenset(kinds)
            found = self._by_types[kinds] = [n for n in self.nodes if type(n) in wanted]
        return found

    @property
    def functions(self) -> list[ast.FunctionDef | ast.AsyncFunctionDef]:
        """The function definitions rules look at, in walk order."""
        return self.nodes_of_types(_FUNCTION_KINDS)  # type: ignore[return-value]

    def mentions(
        self, words: Iterable[str], whole_words: bool = False, ignore_case: bool = False
    ) -> Mentions:
        """Where the module's text holds one of `words`: a cheap test that lets an analysis
        skip the statements that cannot matter to it."""
        return Mentions(self.source.lines_mentioning(words, whole_words, ignore_case))

    def spellings_of(self, *names: str) -> set[str]:
        """`names` and the names bound anywhere in the module to something called one of them
        (`from flask import Flask as F`): how code here can spell a reference to them."""
        return self.names.spellings_of(*names)

    def span(self, node: ast.AST) -> Span:
        return self.source.span_of(node)

    def resolve(self, node: ast.AST) -> str | None:
        scope = self.scope_of_node.get(id(node), self.names.module_scope)
        return self.names.resolve(node, scope)

    def scope_at(self, node: ast.AST) -> Scope:
        return self.scope_of_node.get(id(node), self.names.module_scope)


def parse_module(
    path: str,
    module_name: str,
    text: str,
    is_package: bool = False,
    previous: ParsedModule | None = None,
    extract: bool = True,
) -> ParsedModule:
    """Parse and analyse one module; `previous` (its last version) lets typing re-parse less.

    `extract=False` leaves out the extra facts (routes, configuration...): for a module parsed
    again only for its AST, whose facts are already indexed."""
    source = SourceText(text)
    parsed = parse_tolerant(source, (previous.source, previous.parse) if previous else None)
    if previous is not None and extract:
        from .incremental import reanalyse_one_function

        module = reanalyse_one_function(previous, path, source, parsed)
        if module is not None:
            return module
    # One walk of each statement, shared by the registrations below and the rules.
    statement_nodes = [astwalk.walk(statement) for statement in parsed.tree.body]
    try:
        names = NameResolver(parsed.tree, module_name, is_package)
        registered = _registered_functions(statement_nodes, source)
        visitor = _FactsVisitor(source, names, parsed.tree, registered)
        visitor.run()
    except RecursionError:
        # A pathological expression (20,000 chained operators) parses into a tree too deep to
        # walk recursively: leave out the top-level statements that hold one, keep the rest.
        parsed = _without_deep_statements(parsed)
        statement_nodes = [astwalk.walk(statement) for statement in parsed.tree.body]
        names = NameResolver(parsed.tree, module_name, is_package)
        registered = _registered_functions(statement_nodes, source)
        visitor = _FactsVisitor(source, names, parsed.tree, registered)
        visitor.run()
    facts = ModuleFacts(
        path=path,
        module_name=module_name,
        is_package=is_package,
        exports=_exports(names),
        star_imports=list(names.star_imports),
        functions=visitor.functions,
        uses=visitor.uses,
        calls=visitor.calls,
        thread_starts=visitor.thread_starts,
        context_creations=visitor.creations,
        mentions_server_name="SERVER_NAME" in text,
        looks_like_entry_point=_looks_like_entry_point(path, text, bool(visitor.app_vars)),
        broken=parsed.broken,
        parse_error=parsed.error,
        imports=visitor.imports,
        import_sites=visitor.import_sites,
    )
    module = ParsedModule(path, module_name, source, parsed, names, facts, visitor.scope_of_node)
    module.__dict__["statement_nodes"] = statement_nodes  # the cached property, pre-filled
    visitor.marks.extra = [visitor.registered, visitor.app_vars]
    module.marks["facts"] = visitor.marks
    if extract:
        for name, extractor, _ in extractors():
            facts.extras[name] = extractor(module)
    return module


# Deeper trees than this are left out when a walk hits the recursion limit.
_MAX_DEPTH = 150


def _without_deep_statements(parsed: ParseResult) -> ParseResult:
    kept: list[ast.stmt] = []
    broken = list(parsed.broken)
    for statement in parsed.tree.body:
        if _deeper_than(statement, _MAX_DEPTH):
            broken.append((statement.lineno - 1, (statement.end_lineno or statement.lineno) - 1))
        else:
            kept.append(statement)
    tree = ast.Module(body=kept, type_ignores=[])
    return ParseResult(tree, sorted(broken), parsed.error or "expression nested too deeply")


def _deeper_than(node: ast.AST, limit: int) -> bool:
    """Iterative (the whole point is not to recurse): is any path below `node` over `limit`?"""
    stack = [(node, 0)]
    while stack:
        current, depth = stack.pop()
        if depth > limit:
            return True
        stack.extend((child, depth + 1) for child in ast.iter_child_nodes(current))
    return False


_RUNTIME_ERROR = frozenset({"RuntimeError"})
# (name, called) -> the context a true test of it proves.
_GUARDS = {
    ("has_request_context", True): "request",
    ("has_app_context", True): "app",
    ("request", False): "request",
    ("session", False): "request",
    ("current_app", False): "app",
    ("g", False): "app",
}


def _may_push_a_context(decorator: ast.expr) -> bool:
    """`@celery.task(base=ContextTask)` or `@task(request_context=True)`: a task class or an
    option that may run the body inside a Flask context (Flask's Celery pattern does): the
    model cannot tell, so the body's context is unknown."""
    if not isinstance(decorator, ast.Call):
        return False
    return any(
        k.arg is not None and (k.arg in ("base", "task_cls") or "context" in k.arg)
        for k in decorator.keywords
    )


def _looks_like_entry_point(path: str, text: str, makes_app: bool) -> bool:
    name = path.replace("\\", "/").rpartition("/")[2]
    if name.startswith("test_") or name.endswith("_test.py") or name == "conftest.py":
        return True
    return makes_app or "__main__" in text


def _exports(names: NameResolver) -> dict[str, tuple[str, str | None]]:
    """What other modules get from `from this_module import name`.

    A module-level alias of an imported name (`request = flask_request`) counts as an import;
    one of a name assigned here (`Model = db.Model`) is an "alias" of `this_module.db.Model`.
    """
    scope = names.module_scope
    exports: dict[str, tuple[str, str | None]] = {}
    for name, bindings in scope.bindings.items():
        resolved = [_export_of(names, b) for b in bindings]
        first = resolved[0]
        exports[name] = first if all(r == first for r in resolved) else ("other", None)
    return exports


def _export_of(names: NameResolver, binding: Binding) -> tuple[str, str | None]:
    if binding.kind == "assign" and isinstance(binding.value, ast.Name | ast.Attribute):
        target = names.resolve(binding.value, names.module_scope)
        if target is not None:
            return ("import", target)
        local = _module_level_ref(names, binding.value)
        if local is not None:
            return ("alias", local)
    return (binding.kind, binding.target)


def _module_level_ref(names: NameResolver, node: ast.Name | ast.Attribute) -> str | None:
    """`db.Model` where `db` is assigned at this module's top level: `this_module.db.Model`."""
    attrs: list[str] = []
    root: ast.expr = node
    while isinstance(root, ast.Attribute):
        attrs.insert(0, root.attr)
        root = root.value
    if not isinstance(root, ast.Name):
        return None
    bindings = names.module_scope.bindings.get(root.id, [])
    if not bindings or any(b.kind != "assign" for b in bindings):
        return None
    return ".".join([names.module_name, root.id, *attrs])


_BLANK = re.compile(r"[ \t\f\ufeff]*")
_BLANK_OR_COMMENT = re.compile(r"[ \t\f]*(?:#.*)?$")


def _last_attr(node: ast.AST) -> str | None:
    return astwalk.last_name(node.func if isinstance(node, ast.Call) else node)


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _FactsVisitor:
    def __init__(
        self,
        source: SourceText,
        names: NameResolver,
        tree: ast.Module,
        registered: dict[str, ExecContext],
    ) -> None:
        self.source = source
        self.names = names
        self.tree = tree
        self.scope = names.module_scope
        self.function: FunctionInfo | None = None
        self.in_lambda = 0  # lambdas around the node: their bodies run only when called
        self.fn_ctx = cx.at_import_time()
        self.pushed: frozenset[str] = frozenset()
        self.push_reason = ""
        # The simple statement being visited; its span (`_statement_span`) is worked out only
        # for the statements that hold something recorded, a few in ten.
        self.statement_node: ast.stmt | None = None
        self._span_of_statement: tuple[ast.stmt | None, Span | None] = (None, None)
        self.deref: set[int] = set()
        self.functions: dict[str, FunctionInfo] = {}
        self.uses: list[ProxyUse] = []
        self.calls: list[CallSite] = []
        self.thread_starts: list[ThreadStart] = []
        self.creations: list[ContextCreation] = []
        self.imports: list[tuple[str, Span]] = []
        self.import_sites: list[ImportSite] = []
        self.scope_of_node: dict[int, Scope] = {}
        self.view_classes: set[str] = set()
        self.registered = registered  # functions registered by calls, in the whole module
        self.marks = Marks()
        # Cheap textual pre-checks: no `yield` in the text, no generator; no `Flask` in the
        # text, no name that resolves to `...Flask` (so no factory by construction).
        self.may_yield = "yield" in source.text
        self.mentions_flask = "Flask" in source.text
        self.app_vars: dict[int, list[tuple[str, int]]] = {}  # id(scope) -> [(name, line)]

    def run(self) -> None:
        self._block(self.tree.body, self.marks)

    def visit_alone(self, statement: ast.stmt, entry: tuple[frozenset[str], str]) -> None:
        """Visit one top-level statement in the state `entry` recorded for it by a full run."""
        self.pushed, self.push_reason = entry
        self.statement_node = statement
        self._visit(statement)

    def outputs(self) -> list[list[Any]]:
        """The lists a top-level statement appends to (see `Marks`)."""
        return [
            self.uses,
            self.calls,
            self.thread_starts,
            self.creations,
            self.imports,
            self.import_sites,
        ]

    # -- traversal ------------------------------------------------------------------------------

    def _visit(self, node: ast.AST) -> None:
        self.scope_of_node[id(node)] = self.scope
        kind = type(node)
        try:
            handler = _HANDLERS[kind]
        except KeyError:
            handler = _HANDLERS[kind] = getattr(_FactsVisitor, f"_visit_{kind.__name__}", None)
        if handler is not None:
            handler(self, node)
        else:
            self._children(node)

    def _children(self, node: ast.AST) -> None:
        # Names and constants (most nodes) are handled inline, as `_visit` would handle them.
        scope_of_node = self.scope_of_node
        for name in node._fields:
            value = getattr(node, name, None)
            if type(value) is list:
                if value and isinstance(value[0], ast.stmt):
                    self._block(value)
                    continue
                for item in value:
                    kind = type(item)
                    if kind is ast.Constant:
                        scope_of_node[id(item)] = self.scope
                    elif kind is ast.Name:
                        scope_of_node[id(item)] = self.scope
                        if id(item) in self.deref:
                            self._maybe_proxy(item)
                    elif kind not in LEAF_TYPES and isinstance(item, ast.AST):
                        self._visit(item)
            else:
                kind = type(value)
                if kind is ast.Constant:
                    scope_of_node[id(value)] = self.scope
                elif kind is ast.Name:
                    scope_of_node[id(value)] = self.scope
                    if id(value) in self.deref:
                        self._maybe_proxy(value)  # type: ignore[arg-type]
                elif kind not in LEAF_TYPES and isinstance(value, ast.AST):
                    self._visit(value)

    def _block(self, statements: list[ast.stmt], marks: Marks | None = None) -> None:
        saved = (self.pushed, self.push_reason, self.statement_node)
        for statement in statements:
            checkpoint()  # a time bound or a newer edit can stop a long analysis here
            if marks is not None:
                marks.entry.append((self.pushed, self.push_reason))
            self.statement_node = statement
            self._visit(statement)
            pushed = self._pushes(statement) or self._exits_unless_guarded(statement)
            if pushed:
                self.pushed = self.pushed | {pushed, "app"}
                self.push_reason = (
                    f"after `{_short(self.source.text_at(self.source.span_of(statement)))}`"
                )
            if marks is not None:
                marks.ends.append((*map(len, self.outputs()), len(self.functions)))
        self.pushed, self.push_reason, self.statement_node = saved

    def _exits_unless_guarded(self, statement: ast.stmt) -> str | None:
        """`if not has_request_context(): return`: what follows runs with that context."""
        if not (isinstance(statement, ast.If) and statement.body and not statement.orelse):
            return None
        if not isinstance(statement.body[-1], ast.Return | ast.Raise | ast.Continue | ast.Break):
            return None
        guard = self._guard(statement.test)
        return guard[0] if guard is not None and guard[1] else None

    def _statement_span(self) -> Span | None:
        """The span of the statement being visited, if it is simple and alone on its lines."""
        statement, span = self._span_of_statement
        if statement is not self.statement_node:
            statement = self.statement_node
            span = None if statement is None else self._own_lines(statement)
            self._span_of_statement = (statement, span)
        return span

    def _own_lines(self, statement: ast.stmt) -> Span | None:
        """The statement's span, if it is simple and alone on its lines (safe to wrap)."""
        if isinstance(statement, COMPOUND_STATEMENTS):
            return None
        span = self.source.span_of(statement)
        # Matched in place, not sliced: `a=1;b=2;...` on one 1 MB line has 100,000 statements.
        indent = _BLANK.match(self.source.line(span.start_line))
        if indent is None or indent.end() < span.start_col:
            return None
        if _BLANK_OR_COMMENT.match(self.source.line(span.end_line), span.end_col) is None:
            return None
        return span

    @property
    def ctx(self) -> ExecContext:
        return cx.with_pushed(self.fn_ctx, self.pushed, self.push_reason)

    # -- definitions ----------------------------------------------------------------------------

    def _visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        for expr in [*node.decorator_list, *node.args.defaults, *node.args.kw_defaults]:
            if expr is not None:
                self._visit(expr)
        for arg in [*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs]:
            if arg.annotation is not None:
                self._visit(arg.annotation)
        inner = self.names.scope_of(node)
        info = self._function_info(node, inner)
        self.functions[info.qualname] = info
        saved = (self.scope, self.function, self.fn_ctx, self.pushed, self.push_reason)
        self.scope, self.function, self.fn_ctx = inner, info, info.ctx
        self.pushed, self.push_reason = frozenset(), ""
        self._block(node.body)
        self.scope, self.function, self.fn_ctx, self.pushed, self.push_reason = saved

    _visit_AsyncFunctionDef = _visit_FunctionDef

    def _visit_Try(self, node: ast.Try) -> None:
        """`try: g.cache ... except RuntimeError:`: the code handles a missing context (Flask
        raises RuntimeError for one), so its body is judged as if one were pushed."""
        if not any(astwalk.catches(h.type, _RUNTIME_ERROR, bare=False) for h in node.handlers):
            self._children(node)
            return
        saved = (self.pushed, self.push_reason)
        self.pushed = self.pushed | {"request", "app"}
        self.push_reason = "inside a `try` whose `except RuntimeError` handles a missing context"
        self._block(node.body)
        self.pushed, self.push_reason = saved
        for handler in node.handlers:
            self._visit(handler)
        self._block(node.orelse)
        self._block(node.finalbody)

    _visit_TryStar = _visit_Try

    def _visit_Lambda(self, node: ast.Lambda) -> None:
        for expr in [*node.args.defaults, *node.args.kw_defaults]:
            if expr is not None:
                self._visit(expr)
        saved = (self.scope, self.fn_ctx, self.pushed)
        self.scope, self.fn_ctx, self.pushed = self.names.scope_of(node), cx.UNKNOWN, frozenset()
        self.in_lambda += 1
        self._visit(node.body)
        self.in_lambda -= 1
        self.scope, self.fn_ctx, self.pushed = saved

    def _runs_in(self) -> str | None:
        """The function whose run executes the node being visited: a lambda's body runs when
        the lambda is called, not when it is made (`{"token": lambda: check()}`), so its uses
        and calls belong to no function that the workspace judges by its callers."""
        if self.function is None:
            return LAMBDA if self.in_lambda else None
        return f"{self.function.qualname}.{LAMBDA}" if self.in_lambda else self.function.qualname

    def _visit_ClassDef(self, node: ast.ClassDef) -> None:
        for expr in [*node.decorator_list, *node.bases, *(k.value for k in node.keywords)]:
            self._visit(expr)
        inner = self.names.scope_of(node)
        if self._is_view_class(node):
            self.view_classes.add(inner.qualname)
        saved = self.scope
        self.scope = inner
        self._block(node.body)  # a class body runs where the class statement runs
        self.scope = saved

    def _is_view_class(self, node: ast.ClassDef) -> bool:
        for base in node.bases:
            raw = self.names.resolve(base, self.scope) or ""
            last = raw.rpartition(".")[2]
            if last in ("View", "MethodView") or raw in self.view_classes:
                return True
            if last == "Resource" and raw.startswith("flask_"):
                return True
        return False

    def _function_info(
        self, node: ast.FunctionDef | ast.AsyncFunctionDef, inner: Scope
    ) -> FunctionInfo:
        parent = self.function
        ctx, copies = self._definition_context(node, inner)
        name_line = node.lineno - 1
        line_text = self.source.line(name_line)
        name_col = line_text.find(node.name, line_text.find("def") + 3)
        name_span = Span(name_line, max(name_col, 0), name_line, max(name_col, 0) + len(node.name))
        first = min([d.lineno for d in node.decorator_list] + [node.lineno]) - 1
        is_generator = self.may_yield and any(
            isinstance(n, ast.Yield | ast.YieldFrom) for n in walk_own_body(node)
        )
        return FunctionInfo(
            qualname=inner.qualname,
            name=node.name,
            span=name_span,
            def_span=Span(first, 0, name_line, len(line_text)),
            indent=self.source.indent_of(first),
            ctx=ctx,
            copies_request_context=copies,
            parent=parent.qualname if parent else None,
            is_generator=is_generator,
        )

    def _definition_context(
        self, node: ast.FunctionDef | ast.AsyncFunctionDef, inner: Scope
    ) -> tuple[ExecContext, bool]:
        name = node.name
        for decorator in node.decorator_list:
            raw = self.names.resolve(_callee(decorator), self.scope) or ""
            last = _last_attr(decorator) or ""
            if raw.endswith("copy_current_request_context") or raw.endswith("stream_with_context"):
                return cx.in_request(
                    f"inside `{name}`, wrapped by `@{self._text(decorator)}`"
                ), True
            if last in cx.REQUEST_HOOKS and isinstance(decorator, ast.Call | ast.Attribute):
                kind = (
                    "view" if last in ("route", "get", "post", "put", "patch", "delete") else "hook"
                )
                return cx.in_request(
                    f"inside {kind} `{name}`, registered by `@{self._text(decorator)}`"
                ), False
            if (
                last in cx.APP_HOOKS
                or raw.endswith("with_appcontext")
                or _is_cli_command(decorator)
            ):
                return cx.in_app_only(
                    f"inside `{name}`, which Flask runs by `@{self._text(decorator)}` with an "
                    "app context but no request"
                ), False
            if last in cx.NO_CONTEXT_HOOKS and isinstance(decorator, ast.Attribute):
                return cx.at_import_time(
                    f"in `{name}`, a `@{self._text(decorator)}` callback that Flask runs while registering the "
                    "blueprint, with no context"
                ), False
            if last in cx.TASK_DECORATORS:
                if _may_push_a_context(decorator):
                    return cx.UNKNOWN, False
                return cx.in_task(
                    f"inside task `{name}` (`@{self._text(decorator)}`), run by a worker outside any request"
                ), False
        if name in self.registered:
            return self.registered[name], False
        if self.scope.kind == "class" and self.scope.qualname in self.view_classes:
            return cx.in_request(
                f"inside `{self.scope.qualname.rpartition('.')[2]}.{name}`, a class-based view"
            ), False
        if self.scope.kind == "module" and self._is_factory(node):
            return cx.at_import_time(
                f"in app factory `{name}`, which runs before Flask pushes any context"
            ), False
        parent = self.function
        if parent is not None and (self.fn_ctx.request or self.fn_ctx.app):
            return self.ctx, False
        return cx.UNKNOWN, False

    @functools.cached_property
    def _flask_lines(self) -> Mentions:
        words = self.names.spellings_of("Flask")
        return Mentions(self.source.lines_mentioning(words, whole_words=True))

    def _text(self, node: ast.AST) -> str:
        """`node`'s text on one line, shortened (for messages: worked out only when needed)."""
        return _short(self.source.text_at(self.source.span_of(node)))

    def _is_factory(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
        if node.name in _FACTORY_NAMES:
            return True
        if not self.mentions_flask or not self._flask_lines.within(node):
            return False  # no `Flask(...)` in it, under any name
        created: set[str] = set()
        for child in walk_own_body(node):
            if (
                isinstance(child, ast.Assign)
                and isinstance(child.value, ast.Call)
                and _ends_with(
                    self.names.resolve(child.value.func, self.names.scope_of(node)), "Flask"
                )
            ):
                created.update(t.id for t in child.targets if isinstance(t, ast.Name))
            if (
                isinstance(child, ast.Return)
                and isinstance(child.value, ast.Name)
                and child.value.id in created
            ):
                return True
        return False

    # -- statements -----------------------------------------------------------------------------

    def _visit_With(self, node: ast.With | ast.AsyncWith) -> None:
        for item in node.items:
            self._visit(item)
        pushed = [p for p in (self._context_pushed_by(i.context_expr) for i in node.items) if p]
        saved = (self.pushed, self.push_reason)
        if pushed:
            kind = "request" if "request" in pushed else "app"
            item_text = ", ".join(
                self.source.text_at(self.source.span_of(i.context_expr)) for i in node.items
            )
            self.pushed = self.pushed | {kind, "app"}
            self.push_reason = f"inside `with {_short(item_text)}`"
        self._block(node.body)
        self.pushed, self.push_reason = saved

    _visit_AsyncWith = _visit_With

    def _context_pushed_by(self, expr: ast.expr) -> str | None:
        return context_pushed_by(self.names, self.scope, expr)

    def _pushes(self, statement: ast.stmt) -> str | None:
        return pushed_by_statement(self.names, self.scope, statement)

    def _visit_Assign(self, node: ast.Assign) -> None:
        self._children(node)
        if isinstance(node.value, ast.Call):
            callee = self.names.resolve(node.value.func, self.scope)
            if _ends_with(callee, "Flask"):
                for target in node.targets:
                    if isinstance(target, ast.Name):
                        self.app_vars.setdefault(id(self.scope), []).append(
                            (target.id, node.lineno)
                        )
            self._record_context_creation(node.value, bare=False, assigned=node.targets)

    def _visit_Expr(self, node: ast.Expr) -> None:
        self._children(node)
        if isinstance(node.value, ast.Call):
            self._record_context_creation(node.value, bare=True, assigned=[])

    def _visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self._record_import(alias.name, self.source.span_of(node))

    def _visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        module = self.names.absolute_module(node.module, node.level)
        span = self.source.span_of(node)
        for alias in node.names:
            self._record_import(f"{module}.{alias.name}" if module else alias.name, span)

    def _record_import(self, name: str, span: Span) -> None:
        self.imports.append((name, span))
        if name.partition(".")[0] in _EXTERNAL_ROOTS:
            return
        function = self.function.qualname if self.function else None
        self.import_sites.append(ImportSite(name, span, self.ctx, self.pushed, function))

    def _record_context_creation(
        self, call: ast.Call, bare: bool, assigned: list[ast.expr]
    ) -> None:
        func = call.func
        if not (isinstance(func, ast.Attribute) and func.attr in _CONTEXT_FACTORIES):
            return
        statement = self._statement_span()
        if statement is None:
            return
        if not bare:
            names = [t.id for t in assigned if isinstance(t, ast.Name)]
            if len(names) != len(assigned) or self._used_or_shared(names):
                return
        self.creations.append(
            ContextCreation(
                kind=func.attr,
                span=self.source.span_of(call),
                statement=statement,
                call_text=self.source.text_at(self.source.span_of(call)),
                bare=bare,
            )
        )

    def _used_or_shared(self, names: list[str]) -> bool:
        """A name read in its scope, or one that other code can reach (a module global, or a
        `global` / `nonlocal` of the function): the context may be pushed there."""
        if self.scope is self.names.module_scope:
            return True
        wanted = set(names)
        return any(
            (isinstance(n, ast.Name) and n.id in wanted and isinstance(n.ctx, ast.Load))
            or (isinstance(n, ast.Global | ast.Nonlocal) and wanted & set(n.names))
            for n in astwalk.walk(self.scope.node)
        )

    # -- expressions ----------------------------------------------------------------------------

    def _visit_Attribute(self, node: ast.Attribute) -> None:
        self.deref.add(id(node.value))
        self._maybe_proxy(node)
        self._visit(node.value)

    def _visit_Subscript(self, node: ast.Subscript) -> None:
        self.deref.add(id(node.value))
        self._children(node)

    def _visit_Compare(self, node: ast.Compare) -> None:
        self.deref.update(id(n) for n in [node.left, *node.comparators])
        self._children(node)

    def _visit_BoolOp(self, node: ast.BoolOp) -> None:
        self.deref.update(id(n) for n in node.values)
        self._children(node)

    def _visit_If(self, node: ast.If | ast.While | ast.IfExp | ast.Assert) -> None:
        self.deref.add(id(node.test))
        guard = self._guard(node.test) if isinstance(node, ast.If) else None
        if guard is None or not isinstance(node, ast.If):
            self._children(node)
            return
        kind, negated = guard
        bare = node.test.operand if isinstance(node.test, ast.UnaryOp) else node.test
        self.deref.discard(id(bare))  # `if request:` asks the proxy, which never raises
        guarded, other = (node.orelse, node.body) if negated else (node.body, node.orelse)
        saved = (self.pushed, self.push_reason)
        pushed = self.pushed | {kind, "app"}
        reason = f"where `{_short(self.source.text_at(self.source.span_of(node.test)))}`"
        if isinstance(node.test, ast.BoolOp):  # `request and request.args...`: short-circuit
            self.pushed, self.push_reason = pushed, reason
        self._visit(node.test)
        self.pushed, self.push_reason = pushed, reason
        self._block(guarded)
        self.pushed, self.push_reason = saved
        self._block(other)

    def _guard(self, test: ast.expr) -> tuple[str, bool] | None:
        """The context a test proves, and whether it is negated: `has_request_context()`,
        `request` (an unbound proxy is false) prove a request context; `has_app_context()`,
        `current_app`, `g` an app context."""
        negated = isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not)
        if isinstance(test, ast.UnaryOp) and negated:
            test = test.operand
        if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.And) and not negated:
            # `request and request.args.get(...)`: what follows a first guard runs guarded.
            first = self._guard(test.values[0])
            return first if first is not None and not first[1] else None
        target = test.func if isinstance(test, ast.Call) else test
        if not isinstance(target, ast.Name | ast.Attribute):
            return None
        raw = self.names.resolve(target, self.scope) or ""
        if not raw.startswith("flask."):
            return None
        kind = _GUARDS.get((raw.rpartition(".")[2], isinstance(test, ast.Call)))
        return (kind, negated) if kind else None

    _visit_While = _visit_If
    _visit_IfExp = _visit_If
    _visit_Assert = _visit_If

    def _visit_UnaryOp(self, node: ast.UnaryOp) -> None:
        if isinstance(node.op, ast.Not):
            self.deref.add(id(node.operand))
        self._children(node)

    def _visit_Name(self, node: ast.Name) -> None:
        self._maybe_proxy(node)

    def _maybe_proxy(self, node: ast.Name | ast.Attribute) -> None:
        if id(node) not in self.deref:
            return
        raw = self.names.resolve(node, self.scope)
        if raw is None:
            return
        last = raw.rpartition(".")[2]
        if last in cx.PROXY_NAMES:
            # Only a *call* to url_for needs a context; calls are recorded by _visit_Call.
            if last != "url_for":
                self._record_use(last, raw, node)
        elif raw.partition(".")[0] not in _EXTERNAL_ROOTS and not self._defined_here(node):
            # Maybe a proxy re-exported by the user's own modules under another name; the
            # workspace follows the imports later (`canonical`) and rules keep only real proxies.
            self._record_use(node.id if isinstance(node, ast.Name) else node.attr, raw, node)

    def _defined_here(self, node: ast.Name | ast.Attribute) -> bool:
        """Is `node` (`Model`, `Model.query.filter`) rooted at a function or class defined in
        this module? No proxy is, nor an attribute of one: most names used are such."""
        root: ast.expr = node
        while isinstance(root, ast.Attribute):
            root = root.value
        if not isinstance(root, ast.Name):
            return False
        binding = self.names.lookup(root.id, self.scope, root.lineno)
        return binding is not None and binding.kind in ("def", "class")

    def _record_use(self, proxy: str, raw: str, node: ast.AST) -> None:
        self.uses.append(
            ProxyUse(
                proxy=proxy,
                raw=raw,
                span=self.source.span_of(node),
                ctx=self.ctx,
                pushed=self.pushed,
                function=self._runs_in(),
                statement=self._statement_span(),
                app_var=self._app_var(getattr(node, "lineno", 0)),
            )
        )

    def _app_var(self, line: int) -> str | None:
        candidates = [name for name, at in self.app_vars.get(id(self.scope), []) if at < line]
        return candidates[-1] if candidates else None

    def _visit_Call(self, node: ast.Call) -> None:
        self.deref.add(id(node.func))
        self._children(node)
        raw = self._callee_name(node.func)
        if raw is None:
            return
        last = raw.rpartition(".")[2]
        if last == "url_for":
            self._record_use("url_for", raw, node.func)
            return
        if self._record_thread_start(node, raw):
            return
        if raw.partition(".")[0] not in _EXTERNAL_ROOTS:
            self.calls.append(
                CallSite(
                    raw=raw,
                    span=self.source.span_of(node.func),
                    ctx=self.ctx,
                    pushed=self.pushed,
                    function=self._runs_in(),
                    statement=self._statement_span(),
                    app_var=self._app_var(node.lineno),
                )
            )

    def _callee_name(self, func: ast.expr) -> str | None:
        raw = self.names.resolve(func, self.scope)
        if raw is not None:
            return raw
        # self.helper() inside a method: the method of the same class.
        if (
            isinstance(func, ast.Attribute)
            and isinstance(func.value, ast.Name)
            and self.scope.kind == "function"
            and self.scope.parent is not None
            and self.scope.parent.kind == "class"
            and _first_param(self.scope.node) == func.value.id
        ):
            return f"{self.scope.parent.qualname}.{func.attr}"
        if isinstance(func, ast.Attribute) and func.attr in _POOL_METHODS_AND_EXECUTOR:
            return f"<receiver>.{func.attr}"
        return None

    def _record_thread_start(self, node: ast.Call, raw: str) -> bool:
        kind_api = self._thread_api(node, raw)
        if kind_api is None:
            return False
        kind, api, target, extra_args = kind_api
        target_raw: str | None = None
        nested = False
        if target is not None and not _is_copy_call(target, self):
            function, bound_args = self._target_function(target)
            extra_args = [*extra_args, *bound_args]
            target_raw = self._callee_name(function) if function is not None else None
            nested = bool(
                self.function and target_raw and target_raw.startswith(self.function.qualname + ".")
            )
        proxies = self._proxies(extra_args)
        lambda_reads = []
        if isinstance(target, ast.Lambda):
            lambda_reads = self._proxies(n for n in astwalk.walk(target.body))
        self.thread_starts.append(
            ThreadStart(
                kind=kind,
                api=api,
                target=target_raw,
                target_span=self.source.span_of(target) if target is not None else None,
                proxy_args=proxies,
                ctx=self.ctx,
                function=self.function.qualname if self.function else None,
                nested_target=nested,
                lambda_reads=lambda_reads,
            )
        )
        return True

    def _proxies(self, nodes: Iterable[ast.AST]) -> list[tuple[str, str, Span]]:
        """(proxy, raw name, span) of the nodes that are Flask proxies (`request`, `g`...)."""
        found = []
        for node in nodes:
            if isinstance(node, ast.Name | ast.Attribute):
                simple = node.id if isinstance(node, ast.Name) else node.attr
                raw = self.names.resolve(node, self.scope)
                if simple in cx.PROXY_NAMES and raw and raw.endswith(simple):
                    found.append((simple, raw, self.source.span_of(node)))
        return found

    def _target_function(self, target: ast.expr) -> tuple[ast.expr | None, list[ast.expr]]:
        """The function a thread's target runs, and arguments bound to it on the way:
        `functools.partial(send, request)` runs `send` with `request` (handed on); `lambda:
        send(x)` runs `send` (what the lambda reads is `ThreadStart.lambda_reads`); `self.send` is the method
        of this class."""
        callee = (
            self.names.resolve(target.func, self.scope) if isinstance(target, ast.Call) else None
        )
        if isinstance(target, ast.Call) and target.args and callee == "functools.partial":
            return target.args[0], [*target.args[1:], *(k.value for k in target.keywords)]
        if isinstance(target, ast.Lambda):
            body = target.body
            if isinstance(body, ast.Call) and isinstance(body.func, ast.Name | ast.Attribute):
                return body.func, []
            return None, []
        return (target, []) if isinstance(target, ast.Name | ast.Attribute) else (None, [])

    def _thread_api(
        self, node: ast.Call, raw: str
    ) -> tuple[str, str, ast.expr | None, list[ast.expr]] | None:
        func = node.func
        if raw.rpartition(".")[2] not in _THREAD_NAMES and not (
            isinstance(func, ast.Attribute) and func.attr in _POOL_METHODS_AND_EXECUTOR
        ):
            return None  # most calls: no thread API, whatever the receiver
        keywords = {k.arg: k.value for k in node.keywords if k.arg}
        for suffix, kind in _THREAD_CLASSES.items():
            if raw == suffix or raw.endswith("." + suffix):
                position = 1 if suffix.endswith("Timer") else (0 if "spawn" in suffix else 1)
                target = keywords.get("target") or keywords.get("function")
                if target is None and len(node.args) > position:
                    target = node.args[position]
                extra = _collection_items(keywords.get("args")) + _dict_values(
                    keywords.get("kwargs")
                )
                if "spawn" in suffix:
                    extra = list(node.args[1:])
                return kind, suffix, target, extra
        if raw == "asyncio.to_thread":
            return (
                "thread",
                "asyncio.to_thread",
                node.args[0] if node.args else None,
                list(node.args[1:]) + list(keywords.values()),
            )
        if not isinstance(func, ast.Attribute):
            return None
        if func.attr == "run_in_executor" and len(node.args) >= 2:
            return "thread", "loop.run_in_executor", node.args[1], list(node.args[2:])
        if func.attr in _POOL_METHODS and node.args:
            pool_kind = self._pool_kind(func.value)
            if pool_kind:
                api = f"{_short(self.source.text_at(self.source.span_of(func)), 40)}"
                return pool_kind, api, node.args[0], list(node.args[1:]) + list(keywords.values())
        return None

    def _pool_kind(self, receiver: ast.expr) -> str | None:
        value: ast.expr | None = None
        if isinstance(receiver, ast.Name):
            value = self.names.assigned_value(receiver.id, self.scope, receiver.lineno)
            binding = self.names.lookup(receiver.id, self.scope, receiver.lineno)
            if value is None and binding is not None and binding.kind == "with":
                value = self._with_value(receiver.id)
        if isinstance(value, ast.Call):
            callee = self.names.resolve(value.func, self.scope) or ""
            if callee.endswith("ProcessPoolExecutor") or callee.endswith("Pool"):
                return "process"
            if callee.endswith("Executor"):
                return "thread"
        name = receiver.id if isinstance(receiver, ast.Name) else _last_attr(receiver) or ""
        if _POOL_NAME.search(name):
            return "process" if "process" in name.lower() else "thread"
        return None

    def _with_value(self, name: str) -> ast.expr | None:
        for node in astwalk.walk(self.scope.node):
            if (
                isinstance(node, ast.withitem)
                and isinstance(node.optional_vars, ast.Name)
                and node.optional_vars.id == name
            ):
                return node.context_expr
        return None


def context_pushed_by(names: NameResolver, scope: Scope, expr: ast.expr | None) -> str | None:
    """ "app" / "request" when entering `expr` pushes that context (`app.app_context()`, or a
    name bound to one), else None."""
    if isinstance(expr, ast.Name):
        value = names.assigned_value(expr.id, scope, expr.lineno)
        return context_pushed_by(names, scope, value) if value is not None else None
    if isinstance(expr, ast.Call) and isinstance(expr.func, ast.Attribute):
        if expr.func.attr in cx.APP_CONTEXT_MANAGERS:
            return "app"
        if expr.func.attr in cx.REQUEST_CONTEXT_MANAGERS:
            return "request"
    return None


def pushed_by_statement(names: NameResolver, scope: Scope, statement: ast.stmt) -> str | None:
    """`ctx.push()` / `app.app_context().push()` as a statement pushes for the rest of the block."""
    if not (isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Call)):
        return None
    func = statement.value.func
    if isinstance(func, ast.Attribute) and func.attr == "push":
        return context_pushed_by(names, scope, func.value)
    return None


def _is_copy_call(target: ast.expr, visitor: _FactsVisitor) -> bool:
    if isinstance(target, ast.Call):
        raw = visitor.names.resolve(target.func, visitor.scope) or ""
        return raw.endswith("copy_current_request_context") or raw.endswith(".run")
    return False


def _is_cli_command(decorator: ast.expr) -> bool:
    func = decorator.func if isinstance(decorator, ast.Call) else decorator
    return (
        isinstance(func, ast.Attribute)
        and func.attr in ("command", "group")
        and isinstance(func.value, ast.Attribute)
        and func.value.attr == "cli"
    )


def _callee(decorator: ast.expr) -> ast.expr:
    return decorator.func if isinstance(decorator, ast.Call) else decorator


def _ends_with(raw: str | None, name: str) -> bool:
    return raw is not None and (raw == name or raw.endswith("." + name))


def _first_param(node: ast.AST) -> str | None:
    if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
        params = [*node.args.posonlyargs, *node.args.args]
        return params[0].arg if params else None
    return None


def _collection_items(node: ast.expr | None) -> list[ast.expr]:
    return list(node.elts) if isinstance(node, ast.Tuple | ast.List) else []


def _dict_values(node: ast.expr | None) -> list[ast.expr]:
    if isinstance(node, ast.Dict):
        return [v for v in node.values if v is not None]
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "dict":
        return [k.value for k in node.keywords]
    return []


def walk_own_body(node: ast.AST) -> Iterator[ast.AST]:
    """Nodes of a function body, not descending into nested functions, classes or lambdas."""
    return astwalk.walk_depth_first(astwalk.children(node), _OWN_BODY_STOPS)


_OWN_BODY_STOPS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda)

# Route decorators: `app.get("/")(view)` registers `view`; `mapping.get(key)` does not.
_ROUTE_DECORATORS = frozenset({"route", "get", "post", "put", "patch", "delete"})

# Calls that can register a function (a pre-filter for `_registered_functions`).
_REGISTERING_ATTRS = frozenset({"add_url_rule", "register_error_handler"}) | (
    cx.REQUEST_HOOKS | cx.APP_HOOKS
)
_REGISTERING_CALLS = frozenset({"route", "get", "post"})
_WRAPPING_CALLS = frozenset({"stream_with_context", "copy_current_request_context"})

# Statements that own a block (never "a simple statement alone on its lines").
COMPOUND_STATEMENTS = (
    ast.FunctionDef,
    ast.AsyncFunctionDef,
    ast.ClassDef,
    ast.If,
    ast.For,
    ast.AsyncFor,
    ast.While,
    ast.With,
    ast.AsyncWith,
    ast.Try,
    ast.Match,
)

# _FactsVisitor's handler for each node type (None: visit the children).
_HANDLERS: dict[type, Any] = {}


def _registered_functions(
    statement_nodes: list[list[ast.AST]], source: SourceText
) -> dict[str, ExecContext]:
    """Functions registered by a call rather than a decorator: `app.add_url_rule(..., view_func=f)`.

    `statement_nodes`: the nodes of each top-level statement (see `ParsedModule`)."""
    registered: dict[str, ExecContext] = {}
    for nodes in statement_nodes:
        for name, ctx in registrations(nodes, source):
            registered.setdefault(name, ctx)
    return registered


def registrations(
    nodes: Iterable[ast.AST], source: SourceText
) -> Iterator[tuple[str, ExecContext]]:
    """The (function name, context) registrations by the calls among `nodes`, in order."""
    for node in nodes:
        if type(node) is not ast.Call:
            continue
        func = node.func
        if isinstance(func, ast.Attribute):
            if func.attr not in _REGISTERING_ATTRS:
                continue
        elif isinstance(func, ast.Call):
            if _last_attr(func) not in _REGISTERING_CALLS | _WRAPPING_CALLS:
                continue
        elif _last_attr(func) not in _WRAPPING_CALLS:
            continue
        text = _short(source.text_at(source.span_of(node)))
        target: ast.expr | None = None
        ctx: ExecContext | None = None
        if isinstance(func, ast.Attribute):
            keywords = {k.arg: k.value for k in node.keywords if k.arg}
            if func.attr == "add_url_rule":
                target = keywords.get("view_func") or (node.args[2] if len(node.args) > 2 else None)
                ctx = cx.in_request(f"inside a view registered by `{text}`")
            elif func.attr == "register_error_handler" and len(node.args) > 1:
                target, ctx = (
                    node.args[1],
                    cx.in_request(f"inside a handler registered by `{text}`"),
                )
            elif (
                func.attr in cx.REQUEST_HOOKS
                and func.attr not in _ROUTE_DECORATORS  # `d.get(key)` registers nothing
                and len(node.args) == 1
            ):
                target, ctx = node.args[0], cx.in_request(f"inside a hook registered by `{text}`")
            elif func.attr in cx.APP_HOOKS and node.args:
                target, ctx = node.args[0], cx.in_app_only(f"inside a hook registered by `{text}`")
        elif isinstance(func, ast.Call) and _last_attr(func) in _ROUTE_DECORATORS and node.args:
            target, ctx = node.args[0], cx.in_request(f"inside a view registered by `{text}`")
        elif (
            _last_attr(func) in ("stream_with_context", "copy_current_request_context")
            and node.args
        ):
            arg = node.args[0]
            target = arg.func if isinstance(arg, ast.Call) else arg
            ctx = cx.in_request(f"inside a generator wrapped by `{text}`")
        if isinstance(target, ast.Call) and _last_attr(target.func) == "as_view":
            continue
        if ctx is not None and isinstance(target, ast.Name):
            yield target.id, ctx


def binding_target(binding: Binding | None) -> str | None:
    return binding.target if binding is not None else None
