"""The views of one module and the HTTP methods their routes allow, from their own registration.

Computed locally from what the module itself says: `@x.route(..., methods=[...])`, the
`@x.get/.post/...` shortcuts, `x.add_url_rule(..., view_func=f, methods=...)`,
`x.route(...)(f)`, and the verb-named methods of a `MethodView`. Whenever the methods cannot be
known statically (a variable, `**options`, a view registered elsewhere) the answer is None, and
rules that depend on it stay silent.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass, field

from flask_lsp.analysis import edits
from flask_lsp.analysis.findings import Edit, Fix, Span
from flask_lsp.analysis.module import ParsedModule, walk_own_body

from . import _calls
from ._memo import per_tree
from .base import RuleContext

HTTP_METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT")
_SHORTCUTS = {"get": "GET", "post": "POST", "put": "PUT", "patch": "PATCH", "delete": "DELETE"}
_ROUTE_METHODS = frozenset({"route", *_SHORTCUTS})


@dataclass
class Registration:
    """One route a view is registered under."""

    call: ast.Call
    kind: str  # route | shortcut | add_url_rule
    methods: frozenset[str] | None  # declared methods (upper case); None when not static
    methods_node: ast.expr | None  # the `methods=` value, when there is one


@dataclass
class View:
    node: ast.FunctionDef | ast.AsyncFunctionDef
    qualname: str
    registrations: list[Registration] = field(default_factory=list)
    class_method: str | None = None  # the verb, for a MethodView method

    @property
    def methods(self) -> frozenset[str] | None:
        """Every method the view is called for (HEAD with GET), or None if not known."""
        declared: set[str] = set()
        if self.class_method is not None:
            declared.add(self.class_method)
        for registration in self.registrations:
            if registration.methods is None:
                return None
            declared |= registration.methods
        if not declared:
            return None
        if "GET" in declared:
            declared.add("HEAD")
        return frozenset(declared)

    @property
    def fixable_registration(self) -> Registration | None:
        """The route a quick fix extends: the first decorator or `add_url_rule` call."""
        return self.registrations[0] if self.registrations else None


def imports_flask(module: ParsedModule) -> bool:
    return any(name == "flask" or name.startswith("flask.") for name, _ in module.facts.imports)


def views(module: ParsedModule) -> list[View]:
    """The module's views whose routes are declared in the module itself."""
    return per_tree("views", module.cache_token, lambda: _views(module))


def _views(module: ParsedModule) -> list[View]:
    if not imports_flask(module):
        return []
    by_name: dict[str, View] = {}
    found: list[View] = []
    for node in module.functions:
        qualname = module.names.scope_of(node).qualname
        view = View(node, qualname)
        for decorator in node.decorator_list:
            registration = _registration(decorator)
            if registration is not None:
                view.registrations.append(registration)
        parent = _enclosing_class(module, node)
        if (
            parent is not None
            and node.name.upper() in HTTP_METHODS
            and _is_method_view(module, parent)
        ):
            view.class_method = node.name.upper()
        if view.registrations or view.class_method:
            found.append(view)
        if module.names.scope_of(node).parent is module.names.module_scope:
            by_name[node.name] = view
    for call, target in _call_registrations(module.all_nodes):  # anywhere in the module
        registered = by_name.get(target)
        if registered is None:
            continue
        if not any(v is registered for v in found):
            found.append(registered)
        registered.registrations.append(call)
    return found


def own_nodes(node: ast.AST) -> list[ast.AST]:
    """Nodes of a function body, not descending into nested functions, classes or lambdas.

    Several rules ask for the same functions: the list is kept on the node itself, so it lives
    exactly as long as the tree.
    """
    cached: list[ast.AST] | None = getattr(node, "_flask_lsp_own_nodes", None)
    if cached is None:
        cached = list(walk_own_body(node))
        setattr(node, "_flask_lsp_own_nodes", cached)  # noqa: B010
    return cached


def add_method_fix(rc: RuleContext, view: View, method: str) -> Fix | None:
    """Allow `method` on the view's first route: extend `methods=[...]` or add it."""
    registration = view.fixable_registration
    if registration is None:
        return None
    source = rc.module.source
    call = registration.call
    if registration.kind == "shortcut":
        func = call.func
        assert isinstance(func, ast.Attribute)
        current = sorted(registration.methods or ())
        if _calls.keyword(call, "methods") is not None:
            return None
        span = source.span_of(func)
        attr = Span(span.end_line, span.end_col - len(func.attr), span.end_line, span.end_col)
        listed = _method_list([*current, method])
        return Fix(
            f"Use `.route(..., methods={listed})`",
            (Edit(attr, "route"), _calls.add_keyword(source, call, f"methods={listed}")),
        )
    if registration.methods is None:
        return None
    if registration.methods_node is not None:
        ordered = [m for m in HTTP_METHODS if m in registration.methods and m != method]
        listed = _method_list([*ordered, method])
        edit = edits.replace(source.span_of(registration.methods_node), listed)
        return Fix(f"Allow {method}: `methods={listed}`", (edit,))
    listed = _method_list(["GET", method])
    return Fix(
        f"Allow {method}: add `methods={listed}`",
        (_calls.add_keyword(source, call, f"methods={listed}"),),
    )


def _method_list(methods: list[str]) -> str:
    unique = list(dict.fromkeys(methods))
    return "[" + ", ".join(f'"{m}"' for m in unique) + "]"


def _functions(nodes: list[ast.AST]) -> Iterator[ast.FunctionDef | ast.AsyncFunctionDef]:
    for node in nodes:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            yield node


def _registration(decorator: ast.expr) -> Registration | None:
    if not (isinstance(decorator, ast.Call) and isinstance(decorator.func, ast.Attribute)):
        return None
    attr = decorator.func.attr
    if attr not in _ROUTE_METHODS:
        return None
    if attr in _SHORTCUTS:
        return Registration(decorator, "shortcut", frozenset({_SHORTCUTS[attr]}), None)
    return _with_methods(decorator, "route", positional=None)


def _with_methods(call: ast.Call, kind: str, positional: int | None) -> Registration:
    if _calls.has_double_star(call) or any(isinstance(a, ast.Starred) for a in call.args):
        return Registration(call, kind, None, None)
    node = _calls.keyword(call, "methods")
    value = node.value if node is not None else None
    if value is None and positional is not None and len(call.args) > positional:
        value = call.args[positional]
    if value is None or (isinstance(value, ast.Constant) and value.value is None):
        return Registration(call, kind, frozenset({"GET"}), None)
    methods = _literal_methods(value)
    return Registration(call, kind, methods, value if methods is not None else None)


def _literal_methods(node: ast.expr) -> frozenset[str] | None:
    if not isinstance(node, ast.List | ast.Tuple | ast.Set):
        return None
    names = [_calls.string_value(e) for e in node.elts]
    if any(n is None for n in names):
        return None
    return frozenset(n.upper() for n in names if n is not None)


def _call_registrations(nodes: list[ast.AST]) -> Iterator[tuple[Registration, str]]:
    """`x.add_url_rule("/r", view_func=f, ...)` and `x.route("/r")(f)`."""
    for node in nodes:
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr == "add_url_rule":
            target = _calls.keyword(node, "view_func")
            value = target.value if target is not None else None
            if value is None and len(node.args) > 2:
                value = node.args[2]
            if isinstance(value, ast.Name):
                yield _with_methods(node, "add_url_rule", positional=None), value.id
        elif isinstance(func, ast.Call) and node.args and isinstance(node.args[0], ast.Name):
            registration = _registration(func)
            if registration is not None:
                yield registration, node.args[0].id


def _enclosing_class(module: ParsedModule, node: ast.AST) -> ast.ClassDef | None:
    parent = module.names.scope_of(node).parent
    if parent is not None and parent.kind == "class" and isinstance(parent.node, ast.ClassDef):
        return parent.node
    return None


def _is_method_view(module: ParsedModule, node: ast.ClassDef) -> bool:
    for base in node.bases:
        raw = module.resolve(base) or ""
        if raw.rpartition(".")[2] == "MethodView":
            return True
    return False
