"""FL107: a request reads `g.name`, but `g.name` is set only at start-up."""

from __future__ import annotations

import ast
import bisect
from collections.abc import Iterator
from dataclasses import dataclass, field

from flask_lsp.analysis import astwalk
from flask_lsp.analysis.appconfig import is_test_module
from flask_lsp.analysis.contexts import ExecContext
from flask_lsp.analysis.findings import Finding, Related, Severity
from flask_lsp.analysis.g_attributes import NAME, GFacts, GStore
from flask_lsp.analysis.module import ProxyUse
from flask_lsp.analysis.workspace import Workspace

from .base import Rule, RuleContext

EXPLANATION = """\
`g` belongs to the application context, and Flask pushes a new application context, with an
empty `g`, for every request. A value put on `g` at start-up, inside `with app.app_context():`
in an app factory or at import time, is gone when the block ends, so a view or request hook
that reads it fails on every request:

    AttributeError: db

(the message is the missing name). flask-lsp reports a read of `g.name` in request-time code
(a view, a `before_request` / `after_request` hook, an error handler, a context processor...)
when the workspace sets `g.name` only in such start-up blocks. It stays quiet when a request
hook, a view, or a helper that may run during a request sets the name (or may set any name:
`setattr(g, key, ...)`, `g` handed to a function); when a CLI command sets it (commands set
`g.user` to stand in for what an extension sets per request); when the block makes requests
itself (a request inside `with app.app_context():` reuses that context); for stores in tests,
after `ctx.push()` (a context never popped: what a request sees then depends on the server);
and for reads that allow a missing name: `g.get("name")`, `getattr(g, "name", None)`,
`"name" in g`, `hasattr(g, "name")`, or a read guarded by one of those or by
`except AttributeError`.

**How to fix.** Set per-request values in a `before_request` hook (or lazily in a helper such
as `get_db()` that checks `"db" not in g`). Keep values computed once at start-up on the app
instead: in `app.config`, in `app.extensions`, or on an extension object. There is no quick
fix: which of these is right depends on the value.
"""

_G = "flask.g"
# `g` attributes that are methods of Flask's `_AppCtxGlobals`, not stored values.
_METHODS = frozenset({"get", "pop", "setdefault"})
_SAFE_CALLS = frozenset({"getattr", "hasattr"})
_CAUGHT = frozenset({"AttributeError", "Exception", "BaseException"})
_MAX_RELATED = 3
# Names that extensions set on `g` in request hooks of their own, which the workspace does not
# hold: with the extension imported, a start-up store of one of them is a stand-in, not a bug.
_EXTENSIONS = {
    "flask_appbuilder": frozenset({"user"}),
    "flask_login": frozenset({"_login_user"}),
    "flask_principal": frozenset({"identity"}),
    "flask_security": frozenset({"identity", "_login_user"}),
    "flask_httpauth": frozenset({"flask_httpauth_user"}),
}


@dataclass
class _Stores:
    """Workspace-wide: names set on `g` only at start-up, and what silences the rule."""

    startup: dict[str, list[tuple[str, GStore]]] = field(default_factory=dict)
    quiet: set[str] = field(default_factory=set)  # set where a request may run, or unknown
    anything: bool = False  # some code that may run in a request can set any name


def check(rc: RuleContext) -> Iterator[Finding]:
    uses = {use.span: use for use in rc.module.facts.uses if use.proxy == "g"}
    if not uses:
        return
    stores = rc.workspace.cached(("FL107", "g stores"), lambda: _stores(rc.workspace))
    if stores.anything or not stores.startup.keys() - stores.quiet:
        return
    body = rc.module.tree.body
    starts = [statement.lineno for statement in body]
    parents_of: dict[int, dict[int, ast.AST]] = {}
    for node in rc.module.nodes_of(ast.Attribute):
        if not isinstance(node.ctx, ast.Load) or not isinstance(node.value, ast.Name):
            continue
        attr = node.attr
        if attr in _METHODS or attr.startswith("__") or attr in stores.quiet:
            continue
        places = stores.startup.get(attr)
        if not places:
            continue
        use = uses.get(rc.module.span(node.value))
        if use is None or rc.canonical(use.raw) != _G:
            continue
        ctx = rc.workspace.context_at(rc.path, use.ctx, use.function, use.pushed)
        if ctx.request is not True:
            continue
        index = bisect.bisect_right(starts, node.lineno) - 1
        parents = parents_of.get(index)
        if parents is None:
            parents = parents_of[index] = astwalk.parents(body[index])
        if _guarded(node, parents):
            continue
        yield _finding(rc, node, use, places)


def _finding(
    rc: RuleContext,
    node: ast.Attribute,
    use: ProxyUse,
    places: list[tuple[str, GStore]],
) -> Finding:
    attr = node.attr
    path, first = places[0]
    module = "" if path == rc.path else f"`{rc.workspace.modules[path].module_name}`, "
    line = first.span.start_line + 1
    message = (
        f"`{use.proxy}.{attr}` is set only at start-up ({module}line {line}, "
        f"{first.ctx.reason}), and every request gets a new application context with an "
        "empty `g`: reading it here raises AttributeError"
    )
    related = [
        Related(path, store.span, f"`g.{attr}` is set here, {store.ctx.reason}")
        for path, store in places[:_MAX_RELATED]
    ]
    return rc.finding(rc.module.span(node), message, related=related)


def _stores(workspace: Workspace) -> _Stores:
    found = _Stores()
    imported: set[str] = set()
    for path, module in workspace.modules.items():
        imported.update(name.partition(".")[0] for name, _ in module.imports)
        facts = module.extras.get(NAME)
        if not isinstance(facts, GFacts) or not facts.stores:
            continue
        in_tests = is_test_module(path)
        for store in facts.stores:
            if workspace.canonical(store.raw, path) != _G:
                continue
            ctx = workspace.context_at(path, store.ctx, store.function, store.pushed)
            verdict = _verdict(workspace, path, store, ctx, in_tests)
            if verdict == "startup" and store.attr is not None:
                found.startup.setdefault(store.attr, []).append((path, store))
            elif verdict == "quiet":
                if store.attr is None:
                    found.anything = True
                else:
                    found.quiet.add(store.attr)
    for package in imported & _EXTENSIONS.keys():
        found.quiet.update(_EXTENSIONS[package])
    for places in found.startup.values():
        places.sort(key=lambda place: (place[0], place[1].span))
    return found


def _verdict(
    workspace: Workspace, path: str, store: GStore, ctx: ExecContext, in_tests: bool
) -> str:
    """ "startup": the value is gone before any request; "none": no context, so the store
    raises itself (FL102's business); "quiet": it may be there when a request reads it."""
    if ctx.request is False and ctx.app is False:
        return "none"
    if ctx.request is not False or in_tests or store.serves:
        return "quiet"
    if store.function is not None:
        found = workspace.function(store.function, path)
        own = found[1].ctx if found is not None else None
        if own is not None and own.request is False and own.app:
            # A CLI command (`@app.cli.command`, `@with_appcontext`) or an app-context hook:
            # code shared with views reads the name, and per request something else sets it
            # (Superset's commands set `g.user`, which Flask-AppBuilder sets per request).
            return "quiet"
    if store.via_with:
        return "startup"  # `app.app_context()` makes a new `g`, dropped when the block ends
    return "quiet"  # after `ctx.push()` (never popped: it depends on the server), a helper...


def _guarded(read: ast.Attribute, parents: dict[int, ast.AST]) -> bool:
    """Does the code around the read allow a missing name: a safe check of the same name in
    the enclosing function (`"db" in g`, `g.get("db")`, `hasattr(g, "db")`...), or a `try`
    that catches AttributeError?"""
    assert isinstance(read.value, ast.Name)
    spelling, attr = read.value.id, read.attr
    scope: ast.AST = read
    current = parents.get(id(read))
    while current is not None:
        if (
            isinstance(current, ast.Try)
            and any(astwalk.catches(handler.type, _CAUGHT) for handler in current.handlers)
            and _inside(read, current.body, parents)
        ):
            return True
        scope = current
        if isinstance(current, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda):
            break
        current = parents.get(id(current))
    return any(_safe_check(node, spelling, attr) for node in astwalk.walk(scope))


def _inside(node: ast.AST, body: list[ast.stmt], parents: dict[int, ast.AST]) -> bool:
    ids = {id(statement) for statement in body}
    current: ast.AST | None = node
    while current is not None:
        if id(current) in ids:
            return True
        current = parents.get(id(current))
    return False


def _safe_check(node: ast.AST, spelling: str, attr: str) -> bool:
    def is_g(expr: ast.AST) -> bool:
        return isinstance(expr, ast.Name) and expr.id == spelling

    def is_attr(expr: ast.AST | None) -> bool:
        return isinstance(expr, ast.Constant) and expr.value == attr

    if isinstance(node, ast.Call):
        func, args = node.func, node.args
        if isinstance(func, ast.Name) and func.id in _SAFE_CALLS:
            needed = 3 if func.id == "getattr" else 2  # `getattr(g, "db")` raises as well
            return len(args) >= needed and is_g(args[0]) and is_attr(args[1])
        if isinstance(func, ast.Attribute) and func.attr in _METHODS and is_g(func.value):
            return bool(args) and is_attr(args[0])
        return False
    if isinstance(node, ast.Compare):
        return (
            is_attr(node.left)
            and any(isinstance(op, ast.In | ast.NotIn) for op in node.ops)
            and any(is_g(c) for c in node.comparators)
        )
    return False


RULE = Rule(
    code="FL107",
    name="g-set-outside-request",
    title="`g.name` read in a request, but set only at start-up (an app context that is gone)",
    severity=Severity.ERROR,
    explanation=EXPLANATION,
    check=check,
    docs=("https://flask.palletsprojects.com/en/stable/appcontext/#storing-data",),
)
