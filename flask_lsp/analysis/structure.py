"""Per-module facts about a project's structure and data layer (the FL5xx rules).

Recorded while the AST is alive, all small and position-based:
- which imports run at import time, in order, and which are guarded (`if TYPE_CHECKING:`,
  `try: ... except ImportError:`) or deferred (inside a function);
- where each module-level name is first bound, which names hold a `Flask(...)` app, which
  functions are app factories, and which `flask_*` extensions are bound to an app at import time;
- the Flask-SQLAlchemy side: module-level `SQLAlchemy()` instances, model classes (by their
  bases, settled across files by `DataLayer`), and every `db.session...` / `Model.query` /
  `db.create_all()` use with the function it is in and the contexts pushed around it.

A `db` is referred to by a *reference*: the raw qualified name it resolves to (`shop.ext.db` for
`from shop.ext import db`), or `<module>.<name>` for a module-level assignment, so that the
workspace can tell later whether it is really a Flask-SQLAlchemy instance.
"""

from __future__ import annotations

import ast
import functools
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from dataclasses import replace as copy_with
from typing import TYPE_CHECKING, Any

from . import astwalk
from . import contexts as cx
from .contexts import ExecContext
from .findings import Span
from .incremental import lengths, owned_by, splice
from .module import COMPOUND_STATEMENTS, Marks, context_pushed_by, pushed_by_statement
from .pickling import by_fields
from .source import Mentions
from .strict import reraise_if_strict

if TYPE_CHECKING:
    from .module import ParsedModule
    from .names import Scope

log = logging.getLogger(__name__)

NAME = "structure"

# `db.session.<op>` operations that change the database (and need a commit to last).
SESSION_WRITES = frozenset(
    {
        "add",
        "add_all",
        "delete",
        "merge",
        "bulk_save_objects",
        "bulk_insert_mappings",
        "bulk_update_mappings",
    }
)
# `db.<attr>` uses that need an application context (Flask-SQLAlchemy 3.1).
DB_NEEDS_APP = frozenset(
    {
        "session",
        "create_all",
        "drop_all",
        "reflect",
        "engine",
        "engines",
        "get_or_404",
        "first_or_404",
        "one_or_404",
        "paginate",
    }
)
_DB_WORDS = (*DB_NEEDS_APP, "query", "commit", "save")
_SQL_WRITE_CONSTRUCTS = frozenset({"update", "insert", "delete"})
_SQL_WRITE_WORDS = ("insert", "update", "delete", "replace", "merge", "truncate")
_SQLALCHEMY_CLASSES = frozenset(
    {"flask_sqlalchemy.SQLAlchemy", "flask_sqlalchemy.extension.SQLAlchemy"}
)
_FACTORY_NAMES = frozenset({"create_app", "make_app", "app_factory", "build_app", "get_app"})
_COMMIT_HOOKS = frozenset(
    {
        "after_request",
        "after_app_request",
        "teardown_request",
        "teardown_app_request",
        "teardown_appcontext",
    }
)
# The statements that can hold a function definition.
_HOLD_DEFINITIONS = (*COMPOUND_STATEMENTS, *(k for k in [getattr(ast, "TryStar", None)] if k))
# Everything the expression scan records has one of these words (a call's name, in any case).
_DB_SCAN_WORDS = (*_DB_WORDS, "rollback", *_COMMIT_HOOKS)


@by_fields
@dataclass(frozen=True, slots=True)
class ImportStmt:
    """One imported module (or `from module import name`) that runs when the module is imported."""

    module: str  # absolute module name
    name: str | None  # for `from module import name`
    span: Span  # the whole import statement
    line: int  # 0-based
    guarded: bool  # under `try: ... except ImportError` (a failure is handled)


@by_fields
@dataclass(frozen=True, slots=True)
class ModuleAttribute:
    """`app.app` at import time, where `app` is bound by `import app`."""

    module: str
    attr: str
    span: Span


@dataclass(frozen=True, slots=True)
class Factory:
    qualname: str
    name: str
    line: int  # 0-based line of `def`
    app_var: str | None  # the name the factory binds its `Flask(...)` to
    app_line: int | None  # 0-based line of that assignment
    return_line: int | None  # 0-based line of its last `return <app_var>`
    body_indent: str


@dataclass(frozen=True, slots=True)
class ExtensionBinding:
    """`db = SQLAlchemy(app)` / `LoginManager(app)` at import time."""

    callee: str  # the text of the called name, `SQLAlchemy`
    qualified: str  # flask_sqlalchemy.SQLAlchemy
    span: Span  # the call
    statement: Span | None  # the whole statement, when it is `name = Ext(...)` on its own lines
    target: str | None  # the module-level name it is assigned to
    app_arg: str  # the app variable passed
    app_from_factory: bool  # that app is `create_app()`'s, not a `Flask(...)` of its own
    positional: tuple[str, ...]  # positional argument texts (the app first)
    keywords: tuple[str, ...]  # keyword argument texts, kept in the constructor
    args_span: Span  # from the opening to the closing parenthesis, inclusive


@by_fields
@dataclass(frozen=True, slots=True)
class DbUse:
    """A Flask-SQLAlchemy operation: `db.session.add(x)`, `User.query`, `db.create_all()`..."""

    ref: str  # reference to the `db` (or to the model class, for `query`)
    via_model: bool  # `ref` is a model class (`User.query`), not a `db`
    attr: str  # session | query | create_all ...
    op: str | None  # the session method called: add, commit, execute ...
    write: bool  # changes data (needs a commit)
    span: Span  # `db.session` / `User.query` / `db.create_all`
    text: str  # the source text at `span`, for messages
    function: str | None  # enclosing function's qualified name; None at module level
    ctx: ExecContext  # context at this point (the function's, refined by `with` blocks)
    pushed: frozenset[str]  # contexts pushed inside the enclosing function
    commit_block: bool = False  # `with db.session.begin():` commits on exit


@dataclass
class StructureFacts:
    imports: list[ImportStmt] = field(default_factory=list)
    module_attributes: list[ModuleAttribute] = field(default_factory=list)  # at import time
    first_binding: dict[str, int] = field(default_factory=dict)  # name -> 0-based line
    app_vars: dict[str, int] = field(default_factory=dict)  # module-level Flask apps
    factory_made: set[str] = field(default_factory=set)  # those of them made by a factory call
    factories: list[Factory] = field(default_factory=list)
    extensions: list[ExtensionBinding] = field(default_factory=list)
    sqlalchemy_names: set[str] = field(default_factory=set)
    classes: dict[str, tuple[str, ...]] = field(default_factory=dict)  # qualname -> base refs
    db_uses: list[DbUse] = field(default_factory=list)
    commits: set[str] = field(default_factory=set)  # functions that call `<anything>.commit()`
    commit_hooks: set[str] = field(default_factory=set)  # after_request/teardown handlers
    rollbacks: set[str] = field(default_factory=set)  # functions that call `<anything>.rollback()`
    raising: set[str] = field(default_factory=set)  # functions whose body ends in `raise`


def statement_parts(facts: StructureFacts) -> list[Any]:
    """The lists a top-level statement adds to (see `Marks`)."""
    return [facts.imports, facts.module_attributes, facts.extensions, facts.db_uses]


def replace_structure(
    module: ParsedModule, previous: ParsedModule, index: int
) -> StructureFacts | None:
    """`extract` when only top-level function `index` changed (see incremental.py)."""
    marks = previous.marks.get(NAME)
    old = previous.facts.extras.get(NAME)
    if not isinstance(old, StructureFacts) or marks is None:
        return None
    if len(marks.ends) != len(module.tree.body) or len(marks.extra) != len(marks.ends):
        return None
    walker = _Walker(module, StructureFacts())
    if walker.switches() != marks.switches:
        return None
    try:
        return walker.replace(old, marks, index)
    except Exception as error:  # as `extract`: these facts must never cost the module
        reraise_if_strict(error)
        log.warning("structure facts failed for %s", module.path, exc_info=True)
        return None


def extract(module: ParsedModule) -> StructureFacts:
    """Never raises: a bug or a pathological file costs these facts, not the module."""
    facts = StructureFacts()
    try:
        _Walker(module, facts).run()
    except Exception as error:  # RecursionError on absurd nesting included
        reraise_if_strict(error)
        log.warning("structure facts failed for %s", module.path, exc_info=True)
        return StructureFacts()
    return facts


def _is_type_checking(test: ast.expr) -> bool:
    if isinstance(test, ast.Name):
        return test.id == "TYPE_CHECKING"
    return isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"


def _is_main(test: ast.expr) -> bool:
    """`if __name__ == "__main__":`"""
    return (
        isinstance(test, ast.Compare)
        and isinstance(test.left, ast.Name)
        and test.left.id == "__name__"
        and len(test.comparators) == 1
        and isinstance(test.comparators[0], ast.Constant)
        and test.comparators[0].value == "__main__"
    )


def _catches_import_error(node: ast.Try) -> bool:
    for handler in node.handlers:
        kinds = handler.type
        if kinds is None:
            return True
        names = list(kinds.elts) if isinstance(kinds, ast.Tuple) else [kinds]
        for name in names:
            text = name.id if isinstance(name, ast.Name) else getattr(name, "attr", "")
            if text in ("ImportError", "ModuleNotFoundError", "Exception", "BaseException"):
                return True
    return False


def _query_in_chain(node: ast.expr) -> ast.Attribute | None:
    """The `User.query` in `User.query.filter_by(...).delete()`'s receiver chain."""
    while True:
        if isinstance(node, ast.Attribute):
            if node.attr == "query":
                return node
            node = node.value
        elif isinstance(node, ast.Call):
            node = node.func
        else:
            return None


def _nested_functions(body: list[ast.stmt]) -> Iterator[ast.FunctionDef | ast.AsyncFunctionDef]:
    """The functions defined in `body`, at any depth (only statements hold definitions)."""
    stack = list(body)
    while stack:
        statement = stack.pop()
        if isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef):
            yield statement
        for name in ("body", "orelse", "finalbody"):
            stack.extend(getattr(statement, name, ()))
        for part in [*getattr(statement, "handlers", ()), *getattr(statement, "cases", ())]:
            stack.extend(part.body)


class _Walker:
    def __init__(self, module: ParsedModule, facts: StructureFacts) -> None:
        self.m = module
        self.facts = facts
        self.names = module.names
        self.src = module.source
        self.function: str | None = None
        self.fn_ctx: ExecContext = cx.at_import_time()
        self.pushed: frozenset[str] = frozenset()
        self.push_reason = ""
        self.import_time = True
        self.guarded = False
        self.commit_block_depth = 0
        # Most modules never touch a database: skip walking their expressions.
        text = module.source.text
        self.scan_expressions = any(word in text for word in _DB_WORDS)
        # ...and of those that do, most expressions: the same test on their lines (any case:
        # `doCommit()` is a commit). Without a scan, a function records only commit hooks.
        words = _DB_SCAN_WORDS if self.scan_expressions else _COMMIT_HOOKS
        self.db_lines = module.mentions(words, ignore_case=True)
        self.mentions_flask_class = "Flask" in text
        # The names a `Flask(...)` call can be spelled with here (`Flask`, `flask`, aliases).
        self.flask_spellings: set[str] = set()
        if self.mentions_flask_class:
            self.flask_spellings = {"Flask", "flask"} | {
                name
                for name, bindings in self.names.module_scope.bindings.items()
                if any((b.target or "").endswith("Flask") for b in bindings)
            }

    @functools.cached_property
    def module_lines(self) -> Mentions:
        """The lines that name a module bound by `import name` where import-time code runs
        (module and class scopes): `app.app` needs one."""
        imported = {
            name
            for scope in self.names.scopes.values()
            if scope.kind in ("module", "class")
            for name, bindings in scope.bindings.items()
            if any(b.kind == "import" and b.target == name for b in bindings)
        }
        return self.m.mentions(imported, whole_words=True)

    # -- module-level passes --------------------------------------------------------------------

    def run(self) -> None:
        scope = self.names.module_scope
        for name, bindings in scope.bindings.items():
            self.facts.first_binding[name] = min(b.line for b in bindings) - 1
        marks = self.m.marks[NAME] = Marks(switches=self.switches())
        for statement in self.m.tree.body:
            self._module_bindings([statement])
            marks.extra.append(len(self.facts.factories))
        self._block(self.m.tree.body, marks)

    def switches(self) -> tuple[bool, ...]:
        return (self.scan_expressions, self.mentions_flask_class)

    def replace(self, previous: StructureFacts, marks: Marks, index: int) -> StructureFacts:
        """The facts with top-level function `index` analysed again (see incremental.py)."""
        statement = self.m.tree.body[index]
        self._module_bindings([statement])
        self.pushed, self.push_reason = marks.entry[index]
        self._statement(statement)
        fresh = self.facts
        owner = self.names.scope_of(statement).qualname
        factory_ends = Marks([(n,) for n in marks.extra])
        (factories,), factory_marks = splice(
            [previous.factories], [fresh.factories], factory_ends, index
        )
        parts, ends = splice(statement_parts(previous), statement_parts(fresh), marks, index)
        imports, module_attributes, extensions, db_uses = parts
        self.m.marks[NAME] = Marks(ends, marks.entry, [n for (n,) in factory_marks], marks.switches)

        # (`commit_hooks` come from decorators and module-level calls: the same as before.)
        def owned(old: set[str], new: set[str]) -> set[str]:
            return {q for q in old if not owned_by(q, owner)} | new

        return copy_with(
            previous,
            imports=imports,
            module_attributes=module_attributes,
            extensions=extensions,
            db_uses=db_uses,
            factories=factories,
            commits=owned(previous.commits, fresh.commits),
            rollbacks=owned(previous.rollbacks, fresh.rollbacks),
            raising=owned(previous.raising, fresh.raising),
        )

    def _module_bindings(self, body: list[ast.stmt]) -> None:
        scope = self.names.module_scope
        for statement in body:
            if isinstance(statement, ast.Assign) and isinstance(statement.value, ast.Call):
                callee = self.names.resolve(statement.value.func, scope) or ""
                targets = [t.id for t in statement.targets if isinstance(t, ast.Name)]
                factory_call = callee.rpartition(".")[2] in _FACTORY_NAMES
                if callee == "flask.Flask" or callee.endswith(".Flask") or factory_call:
                    for target in targets:
                        self.facts.app_vars.setdefault(target, statement.lineno - 1)
                        if factory_call:
                            self.facts.factory_made.add(target)
                if callee in _SQLALCHEMY_CLASSES:
                    self.facts.sqlalchemy_names.update(targets)
            elif isinstance(statement, ast.ClassDef):
                self.facts.classes[f"{self.m.module_name}.{statement.name}"] = tuple(
                    ref for ref in (self._ref(base, scope) for base in statement.bases) if ref
                )
            elif isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef):
                factory = self._factory(statement)
                if factory is not None:
                    self.facts.factories.append(factory)
            elif isinstance(statement, ast.If) and not _is_type_checking(statement.test):
                self._module_bindings(statement.body)
                self._module_bindings(statement.orelse)
            elif isinstance(statement, ast.Try):
                self._module_bindings(statement.body)

    def _factory(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> Factory | None:
        """A function that creates a `Flask(...)` and returns it (or is named like a factory)."""
        if not self.mentions_flask_class:
            return None
        body = "\n".join(self.src.lines[node.lineno - 1 : node.end_lineno or node.lineno])
        if not any(spelling in body for spelling in self.flask_spellings):
            return None  # cheaper than walking the function twice
        inner = self.names.scope_of(node)

        def creates_app(call: ast.expr | None) -> bool:
            return isinstance(call, ast.Call) and (
                self.names.resolve(call.func, inner) or ""
            ).endswith("Flask")

        assigns = sorted(
            (child.lineno - 1, child.targets[0].id)
            for child in astwalk.walk(node)
            if isinstance(child, ast.Assign)
            and isinstance(child.targets[0], ast.Name)
            and creates_app(child.value)
        )
        returns = [child for child in astwalk.walk(node) if isinstance(child, ast.Return)]
        returns_flask = any(creates_app(r.value) for r in returns)
        app_line, app_var = assigns[0] if assigns else (None, None)
        returned = [
            r.lineno - 1
            for r in returns
            if isinstance(r.value, ast.Name) and app_var is not None and r.value.id == app_var
        ]
        return_line = max(returned) if returned else None
        if app_var is None and not returns_flask:
            return None  # `def create_app(): return app` hands out the one module-level app
        if return_line is None and not returns_flask and node.name not in _FACTORY_NAMES:
            return None
        first = node.body[0]
        return Factory(
            qualname=inner.qualname,
            name=node.name,
            line=node.lineno - 1,
            app_var=app_var,
            app_line=app_line,
            return_line=return_line,
            body_indent=self.src.indent_of(first.lineno - 1),
        )

    def _ref(self, node: ast.expr, scope: Scope) -> str | None:
        """The raw name of `node` (`db`, `db.Model`, `User`), module-level assignments included."""
        raw = self.names.resolve(node, scope)
        if raw is not None:
            return raw
        root = node
        attrs: list[str] = []
        while isinstance(root, ast.Attribute):
            attrs.insert(0, root.attr)
            root = root.value
        if not isinstance(root, ast.Name):
            return None
        binding = self.names.lookup(root.id, scope, root.lineno)
        module_bindings = self.names.module_scope.bindings.get(root.id, [])
        if binding is None or binding.kind != "assign" or binding not in module_bindings:
            return None
        return ".".join([self.m.module_name, root.id, *attrs])

    # -- statements -----------------------------------------------------------------------------

    def _block(self, statements: list[ast.stmt], marks: Marks | None = None) -> None:
        saved = (self.pushed, self.push_reason)
        for statement in statements:
            if marks is not None:
                marks.entry.append((self.pushed, self.push_reason))
            if self.function is not None and not self.db_lines.within(statement):
                if isinstance(statement, _HOLD_DEFINITIONS):
                    self._raising_in([statement])  # all it can record without a database word
            else:
                self._statement(statement)
            pushed = self._pushes(statement)
            if pushed:
                self.pushed = self.pushed | {pushed, "app"}
                self.push_reason = f"after `{self._short(statement)}`"
            if marks is not None:
                marks.ends.append(lengths(statement_parts(self.facts)))
        self.pushed, self.push_reason = saved

    def _short(self, node: ast.AST) -> str:
        text = " ".join(self.src.text_at(self.src.span_of(node)).split())
        return text if len(text) <= 60 else text[:59] + "…"

    def _statement(self, node: ast.stmt) -> None:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            self._function(node)
        elif isinstance(node, ast.ClassDef):
            for expr in [*node.decorator_list, *node.bases, *(k.value for k in node.keywords)]:
                self._expr(expr)
            self._block(node.body)
        elif isinstance(node, ast.Import | ast.ImportFrom):
            self._import(node)
        elif isinstance(node, ast.If) and (_is_type_checking(node.test) or _is_main(node.test)):
            # Not run when the module is imported (by a type checker only, or as a script).
            saved = self.import_time
            self.import_time = False
            self._block(node.body)
            self.import_time = saved
            self._block(node.orelse)
        elif isinstance(node, ast.Try):
            saved_guard = self.guarded
            self.guarded = self.guarded or _catches_import_error(node)
            self._block(node.body)
            self.guarded = saved_guard
            for handler in node.handlers:
                if handler.type is not None:
                    self._expr(handler.type)
                self._block(handler.body)
            self._block(node.orelse)
            self._block(node.finalbody)
        elif isinstance(node, ast.With | ast.AsyncWith):
            self._with(node)
        else:
            if isinstance(node, ast.Expr | ast.Assign) and self.function is None:
                self._extension(node)
            for field_name in astwalk.node_fields(type(node)):
                value = getattr(node, field_name, None)
                if isinstance(value, list):
                    if value and isinstance(value[0], ast.stmt):
                        self._block(value)
                    else:
                        for item in value:
                            if isinstance(item, ast.expr):
                                self._expr(item)
                            elif isinstance(item, ast.AST):
                                self._generic(item)
                elif isinstance(value, ast.expr):
                    self._expr(value)
                elif isinstance(value, ast.AST):
                    self._generic(value)

    def _generic(self, node: ast.AST) -> None:
        for child in astwalk.children(node):
            if isinstance(child, ast.expr):
                self._expr(child)
            elif isinstance(child, ast.stmt):
                self._statement(child)
            else:
                self._generic(child)

    def _function(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        for expr in [*node.decorator_list, *node.args.defaults, *node.args.kw_defaults]:
            if expr is not None:
                self._expr(expr)
        qualname = self.names.scope_of(node).qualname
        info = self.m.facts.functions.get(qualname)
        if any(
            astwalk.last_name(d.func if isinstance(d, ast.Call) else d) in _COMMIT_HOOKS
            for d in node.decorator_list
        ):
            self.facts.commit_hooks.add(qualname)
        if node.body and isinstance(node.body[-1], ast.Raise):
            self.facts.raising.add(qualname)
        if not self.db_lines.within(node):
            self._raising_in(node.body)
            return
        saved = (self.function, self.fn_ctx, self.pushed, self.push_reason, self.import_time)
        self.function = qualname
        self.fn_ctx = info.ctx if info is not None else cx.UNKNOWN
        self.pushed, self.push_reason, self.import_time = frozenset(), "", False
        saved_depth, self.commit_block_depth = self.commit_block_depth, 0
        self._block(node.body)
        self.commit_block_depth = saved_depth
        self.function, self.fn_ctx, self.pushed, self.push_reason, self.import_time = saved

    def _raising_in(self, body: list[ast.stmt]) -> None:
        """Inside a function, statements without a database word record nothing but which
        functions defined in them end by raising: no need to walk their expressions."""
        for inner in _nested_functions(body):
            if inner.body and isinstance(inner.body[-1], ast.Raise):
                self.facts.raising.add(self.names.scope_of(inner).qualname)

    def _import(self, node: ast.Import | ast.ImportFrom) -> None:
        if not self.import_time:
            return
        span = self.src.span_of(node)
        if isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                for cut in range(1, len(parts) + 1):
                    self.facts.imports.append(
                        ImportStmt(".".join(parts[:cut]), None, span, span.start_line, self.guarded)
                    )
            return
        module = self.names.absolute_module(node.module, node.level)
        if not module:
            return
        parts = module.split(".")
        for cut in range(1, len(parts)):
            self.facts.imports.append(
                ImportStmt(".".join(parts[:cut]), None, span, span.start_line, self.guarded)
            )
        for alias in node.names:
            name = None if alias.name == "*" else alias.name
            self.facts.imports.append(ImportStmt(module, name, span, span.start_line, self.guarded))

    def _with(self, node: ast.With | ast.AsyncWith) -> None:
        for item in node.items:
            self._expr(item.context_expr)
        pushed = [p for p in (self._context_pushed_by(i.context_expr) for i in node.items) if p]
        begins = any(self._is_session_begin(i.context_expr) for i in node.items)
        saved = (self.pushed, self.push_reason)
        if pushed:
            kind = "request" if "request" in pushed else "app"
            self.pushed = self.pushed | {kind, "app"}
            self.push_reason = f"inside `with {self._short(node.items[0].context_expr)}`"
        if begins and self.function is not None:
            self.facts.commits.add(self.function)
        self.commit_block_depth += begins
        self._block(node.body)
        self.commit_block_depth -= begins
        self.pushed, self.push_reason = saved

    def _is_session_begin(self, expr: ast.expr) -> bool:
        return (
            isinstance(expr, ast.Call)
            and isinstance(expr.func, ast.Attribute)
            and expr.func.attr == "begin"
            and isinstance(expr.func.value, ast.Attribute)
            and expr.func.value.attr == "session"
        )

    def _context_pushed_by(self, expr: ast.expr | None) -> str | None:
        scope = self.m.scope_at(expr) if expr is not None else self.m.names.module_scope
        return context_pushed_by(self.m.names, scope, expr)

    def _pushes(self, statement: ast.stmt) -> str | None:
        return pushed_by_statement(self.m.names, self.m.scope_at(statement), statement)

    # -- extensions bound at import time --------------------------------------------------------

    def _extension(self, node: ast.Expr | ast.Assign) -> None:
        call = node.value
        if not isinstance(call, ast.Call) or self.import_time is False:
            return
        scope = self.m.scope_at(call)
        qualified = self.names.resolve(call.func, scope) or ""
        if not qualified.startswith("flask_") or "." not in qualified:
            return
        app_arg: ast.expr | None = call.args[0] if call.args else None
        keywords = {k.arg: k.value for k in call.keywords if k.arg}
        if app_arg is None:
            app_arg = keywords.get("app")
        if not isinstance(app_arg, ast.Name) or app_arg.id not in self.facts.app_vars:
            return
        if self.facts.app_vars[app_arg.id] > call.lineno - 1:
            return
        target = None
        if isinstance(node, ast.Assign):
            if len(node.targets) != 1 or not isinstance(node.targets[0], ast.Name):
                return
            target = node.targets[0].id
        statement = self.src.span_of(node)
        own_lines = not self.src.line(statement.start_line)[: statement.start_col].strip()
        after = self.src.line(statement.end_line)[statement.end_col :].strip()
        call_span = self.src.span_of(call)
        func_span = self.src.span_of(call.func)
        self.facts.extensions.append(
            ExtensionBinding(
                callee=self.src.text_at(func_span),
                qualified=qualified,
                span=call_span,
                statement=statement if own_lines and (not after or after.startswith("#")) else None,
                target=target,
                app_arg=app_arg.id,
                app_from_factory=app_arg.id in self.facts.factory_made,
                positional=tuple(self.src.text_at(self.src.span_of(a)) for a in call.args),
                keywords=tuple(
                    self.src.text_at(self.src.span_of(k))
                    for k in call.keywords
                    if k.arg != "app" or call.args
                ),
                args_span=Span(
                    func_span.end_line, func_span.end_col, call_span.end_line, call_span.end_col
                ),
            )
        )

    # -- expressions ----------------------------------------------------------------------------

    @property
    def ctx(self) -> ExecContext:
        return cx.with_pushed(self.fn_ctx, self.pushed, self.push_reason)

    def _expr(self, node: ast.expr) -> None:
        if self.import_time and self.function is None and self.module_lines.within(node):
            self._module_attributes(node)
        if not self.scan_expressions or not self.db_lines.within(node):
            return
        session_ops: dict[int, tuple[str, ast.Call]] = {}
        query_writes: set[int] = set()
        used: set[int] = set()  # expressions read from or called (parents come first)
        for child in self._walk_expr(node):
            if isinstance(child, ast.Call):
                self._call(child)
                func = child.func
                used.add(id(func))
                if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Attribute):
                    session_ops[id(func.value)] = (func.attr, child)
                if isinstance(func, ast.Attribute) and func.attr in ("delete", "update"):
                    query = _query_in_chain(func.value)
                    if query is not None:
                        query_writes.add(id(query))
            elif isinstance(child, ast.Attribute):
                used.add(id(child.value))
                if child.attr == "session" and id(child) not in used:
                    # `ModelView(User, db.session)`: the scoped session object is handed on;
                    # only using it (a call, an attribute) needs the app context.
                    continue
                self._attribute(child, session_ops.get(id(child)), id(child) in query_writes)

    def _module_attributes(self, node: ast.expr) -> None:
        for child in self._walk_expr(node):
            if not (isinstance(child, ast.Attribute) and isinstance(child.value, ast.Name)):
                continue
            name = child.value.id
            binding = self.names.lookup(name, self.m.scope_at(child), child.lineno)
            if binding is not None and binding.kind == "import" and binding.target == name:
                self.facts.module_attributes.append(
                    ModuleAttribute(name, child.attr, self.src.span_of(child))
                )

    def _walk_expr(self, node: ast.expr) -> Iterator[ast.AST]:
        """Parents before children (a call before its callee); not into lambdas (they run later)."""
        stack: list[ast.AST] = [node]
        while stack:
            current = stack.pop()
            if isinstance(current, ast.Lambda):
                continue
            yield current
            if not isinstance(current, ast.Name | ast.Constant):
                stack.extend(astwalk.children(current))

    def _call(self, node: ast.Call) -> None:
        name = (astwalk.last_name(node.func) or "").lower()
        if self.function is None:
            # `app.teardown_request(commit_session)`: a hook registered by a call.
            if name in _COMMIT_HOOKS and node.args and isinstance(node.args[0], ast.Name):
                target = self.names.resolve(node.args[0], self.m.scope_at(node.args[0]))
                if target is not None:
                    self.facts.commit_hooks.add(target)
            return
        # Any `.commit()`, and the calls we cannot follow that probably commit (`user.save()`).
        if "commit" in name or name == "save" or name.startswith("save_"):
            self.facts.commits.add(self.function)
        if "rollback" in name:
            self.facts.rollbacks.add(self.function)

    def _attribute(
        self, node: ast.Attribute, called: tuple[str, ast.Call] | None, query_write: bool
    ) -> None:
        scope = self.m.scope_at(node)
        if node.attr == "query":
            ref = self._ref(node.value, scope)
            if ref is not None:
                self._record(ref, True, "query", None, query_write, node)
            return
        if node.attr not in DB_NEEDS_APP:
            return
        ref = self._ref(node.value, scope)
        if ref is None:
            return
        op: str | None = None
        write = False
        if node.attr == "session" and called is not None:
            op, call = called
            write = op in SESSION_WRITES or (op == "execute" and self._writes_sql(call))
        self._record(ref, False, node.attr, op, write, node)

    def _writes_sql(self, call: ast.Call) -> bool:
        if not call.args:
            return False
        statement = call.args[0]
        inner = statement
        while isinstance(inner, ast.Call) and isinstance(inner.func, ast.Attribute):
            if inner.func.attr in _SQL_WRITE_CONSTRUCTS:
                return True
            inner = inner.func.value
        if isinstance(inner, ast.Call):
            name = astwalk.last_name(inner.func)
            if name in _SQL_WRITE_CONSTRUCTS:
                return True
            if name == "text" and inner.args and isinstance(inner.args[0], ast.Constant):
                value = inner.args[0].value
                return isinstance(value, str) and value.lstrip().lower().startswith(
                    _SQL_WRITE_WORDS
                )
        return False

    def _record(
        self, ref: str, via_model: bool, attr: str, op: str | None, write: bool, node: ast.AST
    ) -> None:
        self.facts.db_uses.append(
            DbUse(
                ref=ref,
                via_model=via_model,
                attr=attr,
                op=op,
                write=write,
                span=self.src.span_of(node),
                text=" ".join(self.src.text_at(self.src.span_of(node)).split())[:60],
                function=self.function,
                ctx=self.ctx,
                pushed=self.pushed,
                commit_block=self.commit_block_depth > 0,
            )
        )
