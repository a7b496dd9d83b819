"""Per-module routing facts: apps, blueprints, registrations, routes, `url_for` and redirects.

The extractor runs while a module's AST is alive and keeps only small, position-based data;
`routes.py` links these facts across the workspace into a route map. Objects are named by a
*reference*: `pkg.views.bp` for a module-level `bp = Blueprint(...)` (the same string an
import of it resolves to), `pkg.create_app.app` for a local in a factory, `?param:...` for a
function parameter (an app handed to a helper) and `call:pkg.create_app` for the result of a
factory call.
"""

from __future__ import annotations

import ast
import functools
import logging
import sys
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from . import astwalk
from .edits import add_import
from .findings import Edit, Span
from .incremental import lengths, splice
from .module import Marks
from .names import Binding, Scope
from .pickling import by_fields
from .source import Mentions
from .strict import reraise_if_strict

if TYPE_CHECKING:
    from .module import ParsedModule

log = logging.getLogger(__name__)

ROUTE_METHODS = {"route": None, "get": "GET", "post": "POST", "put": "PUT", "patch": "PATCH"}
ROUTE_METHODS["delete"] = "DELETE"
HTTP_METHOD_FUNCS = ("get", "post", "head", "options", "delete", "put", "trace", "patch")
# Blueprint methods that Flask refuses once the blueprint has been registered (`@setupmethod`).
SETUP_METHODS = frozenset(
    {
        "route",
        "get",
        "post",
        "put",
        "patch",
        "delete",
        "add_url_rule",
        "endpoint",
        "before_request",
        "after_request",
        "teardown_request",
        "errorhandler",
        "register_error_handler",
        "context_processor",
        "url_value_preprocessor",
        "url_defaults",
        "register_blueprint",
        "record",
        "record_once",
        "before_app_request",
        "after_app_request",
        "teardown_app_request",
        "app_errorhandler",
        "app_context_processor",
        "app_url_value_preprocessor",
        "app_url_defaults",
        "app_template_filter",
        "app_template_test",
        "app_template_global",
        "add_app_template_filter",
        "add_app_template_test",
        "add_app_template_global",
        "template_filter",
        "template_test",
        "template_global",
    }
)
# Parts of several method names above: `before_request`, `app_template_filter`...
_SHARED_PARTS = (
    "_request",
    "template_",
    "context_processor",
    "errorhandler",
    "url_value_preprocessor",
    "url_defaults",
)
URL_FOR_OPTIONS = frozenset({"_anchor", "_method", "_scheme", "_external"})


@dataclass(frozen=True, slots=True)
class Literal:
    """A string argument: its value (None when not a plain literal) and where it is."""

    value: str | None
    span: Span
    simple: bool  # one plain '...' or "..." token, so a fix can rewrite it safely
    quote: str = '"'


@dataclass(slots=True)
class ObjectDef:
    key: str
    kind: str  # app | blueprint
    span: Span  # the Flask(...) / Blueprint(...) call
    name: Literal | None = None  # blueprint name
    url_prefix: Literal | None = None  # given (value None: not a literal)
    subdomain: str | None = None
    static_folder: str | None = None  # blueprint: literal folder; app: "static" unless None
    static_url_path: str | None = None
    has_static: bool = False
    url_defaults: tuple[str, ...] | None = ()  # None: not a literal dict
    function: str | None = None
    # The name is bound to a new app/blueprint more than once in its scope (`app = Flask()`
    # twice in one test): routes on it may belong to either object.
    reassigned: bool = False
    # A candidate (`RouteFacts.candidates`): the raw name of the project class instantiated,
    # which the route map settles as a Flask or Blueprint subclass, or drops.
    cls: str | None = None


@dataclass(slots=True)
class Registration:
    parent: str | None  # reference of the receiver
    child: str | None  # reference of the blueprint, None when dynamic
    span: Span  # the call
    url_prefix: Literal | None
    name: Literal | None
    subdomain: str | None
    function: str | None
    line: int
    conditional: bool  # inside if/for/while/try: may run zero or many times
    in_loop: bool


@dataclass(frozen=True, slots=True)
class ViewRef:
    """A view function as `add_url_rule(view_func=...)` receives it."""

    name: str | None  # what Flask would take for __name__; None when unknown
    id: str  # identity of the function object
    span: Span | None  # where it is defined (in this module)
    cls: str | None  # raw name of a View class (as_view)
    qualname: str | None


@dataclass(frozen=True, slots=True)
class Argument:
    """An argument of a call to a function of the project, as far as a route helper can use it:
    an app or blueprint, a rule or a list of rules, a view function."""

    ref: str | None
    strings: tuple[Literal, ...] | None  # a string literal, or a list or tuple of them
    sequence: bool  # `strings` came from a list or a tuple
    view: ViewRef | None


@dataclass(frozen=True, slots=True)
class HelperCall:
    """A call that passes an app or a blueprint to a function (`register_view(bp, ...)`)."""

    callee: str  # raw qualified name
    span: Span
    line: int
    function: str | None  # scope the call runs in
    conditional: bool
    positional: tuple[Argument, ...]
    keywords: tuple[tuple[str, Argument], ...]
    unpacked: bool  # `*args` or `**kwargs` at the call: arguments beyond those listed

    def argument(self, name: str, params: tuple[str, ...]) -> Argument | None:
        """The argument bound to parameter `name` of a function with positional `params`."""
        for keyword, value in self.keywords:
            if keyword == name:
                return value
        index = params.index(name) if name in params else len(self.positional)
        return self.positional[index] if index < len(self.positional) else None


@dataclass(slots=True)
class RouteDef:
    owner: str | None
    kind: str  # decorator | add_url_rule | call (`app.route("/")(view)`)
    span: Span  # the decorator or the add_url_rule call
    rule: Literal | None  # None: no rule argument at all
    endpoint: str | None  # explicit endpoint=
    endpoint_dynamic: bool
    view_name: str | None  # what Flask would take for __name__; None when unknown
    view_id: str  # identity of the view function object
    view_span: Span | None  # where the view is defined (in this module)
    view_class: str | None  # raw name of a View class (as_view)
    methods: tuple[str, ...] | None  # None: not given
    methods_dynamic: bool
    defaults: tuple[str, ...] | None  # None: given but not a literal
    strict_slashes: bool | None
    wrapped_by: tuple[str, ...]  # raw decorator names applied before the route decorator
    function: str | None  # scope the registration runs in (None: module level)
    line: int
    conditional: bool
    view_qualname: str | None = None  # the view function, for relative url_for
    subdomain: str | None = None
    route_like: bool = True  # if the owner turns out unknown: does it still add an endpoint?
    # In a project helper that registers on a parameter (`def register_view(bp, routes,
    # view_func, **kwargs)`): the parameters the rule and the view come from, `rule_each` when
    # the rule is a loop variable over the parameter, and whether the call's other keywords
    # reach `add_url_rule` (`**kwargs`). The route map applies the helper at each call.
    rule_param: str | None = None
    rule_each: bool = False
    view_param: str | None = None
    forwards_keywords: bool = False


@dataclass(slots=True)
class SetupCall:
    owner: str
    method: str
    span: Span
    function: str | None
    line: int


@dataclass(slots=True)
class UrlForCall:
    endpoint: Literal | None
    span: Span  # the whole call
    keywords: tuple[str, ...]
    star_kwargs: bool
    extra_positional: bool
    function: str | None
    insert_at: Span  # a point just before the closing parenthesis
    bound_names: tuple[str, ...]  # names bound in the enclosing function (for the FL208 fix)
    trailing_comma: bool = False


@dataclass(slots=True)
class RedirectCall:
    target: Literal
    span: Span  # the redirect(...) call
    function: str | None
    url_for_imported: bool  # `url_for` means flask.url_for in this module already


@dataclass(slots=True)
class UnwrappedDecorator:
    """A decorator of the user's whose wrapper lacks `functools.wraps`: endpoints become its name."""

    qualname: str
    inner_name: str
    inner_line: int  # 0-based line of the inner `def`
    indent: str
    param: str | None
    factory: bool  # `@deco(...)` form: the returned decorator wraps
    wraps_name: str  # how `functools.wraps` is spelled in that module
    import_edit: Edit | None  # the import to add for it, if any


@by_fields
@dataclass(slots=True)
class ViewClass:
    explicit: tuple[str, ...] | None  # a `methods = [...]` class attribute
    defined: tuple[str, ...]  # HTTP method functions defined in the class body (upper case)
    flask_base: str | None  # "View" / "MethodView" when a direct base is Flask's
    bases: tuple[str, ...]  # raw names of user base classes, for inherited methods


@by_fields
@dataclass(slots=True)
class ClassFacts:
    """A class of the project with a base class: maybe a Flask or Blueprint subclass."""

    bases: tuple[str, ...]  # raw names
    defines_init: bool  # its own `__init__`: its constructor's arguments are not Flask's


@dataclass
class RouteFacts:
    objects: dict[str, ObjectDef] = field(default_factory=dict)
    registrations: list[Registration] = field(default_factory=list)
    routes: list[RouteDef] = field(default_factory=list)
    setup_calls: list[SetupCall] = field(default_factory=list)
    url_fors: list[UrlForCall] = field(default_factory=list)
    redirects: list[RedirectCall] = field(default_factory=list)
    unwrapped: dict[str, UnwrappedDecorator] = field(default_factory=dict)
    view_classes: dict[str, ViewClass] = field(default_factory=dict)
    factories: dict[str, str] = field(default_factory=dict)  # function -> app/blueprint key
    unknown_owner_routes: int = 0  # route decorators on receivers we cannot follow
    # Instances of classes of the project (`app = IndicoFlask(...)`): apps or blueprints if the
    # class derives from Flask's, which only the whole workspace can tell.
    candidates: dict[str, ObjectDef] = field(default_factory=dict)
    classes: dict[str, ClassFacts] = field(default_factory=dict)  # by qualname, with a base
    # Functions that register on a parameter: their positional parameters, to bind call sites.
    helpers: dict[str, tuple[str, ...]] = field(default_factory=dict)
    helper_calls: list[HelperCall] = field(default_factory=list)

    def structure_key(self) -> tuple[object, ...]:
        """What the route map is built from: all but the `url_for` and `redirect` calls, which
        change with most keystrokes in a view (the map reads those from the module)."""
        return (
            self.objects,
            self.registrations,
            self.routes,
            self.setup_calls,
            self.unwrapped,
            self.view_classes,
            self.factories,
            self.unknown_owner_routes,
            self.candidates,
            self.classes,
            self.helpers,
            self.helper_calls,
        )

    def reusing(self, previous: object) -> RouteFacts | None:
        """These facts, sharing `previous`'s route objects (which the route map holds and rules
        find by identity) when only the calls differ; None if more does."""
        if not isinstance(previous, RouteFacts) or previous.structure_key() != self.structure_key():
            return None
        return replace(previous, url_fors=self.url_fors, redirects=self.redirects)


def literal(module: ParsedModule, node: ast.expr | None) -> Literal | None:
    if node is None:
        return None
    span = module.span(node)
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        text = module.source.text_at(span)
        simple = (
            len(text) >= 2
            and text[0] in "'\""
            and text[-1] == text[0]
            and not text.startswith(("'''", '"""'))
            and text[1:-1] == node.value
        )
        return Literal(node.value, span, simple, text[0] if simple else '"')
    if isinstance(node, ast.Name):
        # `MODULE_NAME = "about"` ... `Blueprint(MODULE_NAME, __name__)`: a constant's value
        # (not rewritable in place by a fix).
        value = module.names.assigned_value(node.id, module.scope_at(node), node.lineno)
        if isinstance(value, ast.Constant) and isinstance(value.value, str):
            return Literal(value.value, span, False)
    return Literal(None, span, False)


def _str(node: ast.expr | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _str_tuple(node: ast.expr | None) -> tuple[str, ...] | None:
    if isinstance(node, ast.List | ast.Tuple | ast.Set):
        items = [_str(e) for e in node.elts]
        if all(i is not None for i in items):
            return tuple(i for i in items if i is not None)
    return None


def _dict_keys(node: ast.expr | None) -> tuple[str, ...] | None:
    if isinstance(node, ast.Dict):
        keys = [_str(k) for k in node.keys]
        if all(k is not None for k in keys):
            return tuple(k for k in keys if k is not None)
        return None
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "dict":
        if node.args or any(k.arg is None for k in node.keywords):
            return None
        return tuple(k.arg for k in node.keywords if k.arg)
    return None


def _ends(raw: str | None, *names: str) -> bool:
    return raw is not None and any(raw == n or raw.endswith("." + n) for n in names)


def flask_kind(raw: str | None) -> str | None:
    if raw is None:
        return None
    if raw in ("flask.Flask", "flask.app.Flask", "flask.sansio.app.App") or (
        raw.endswith(".Flask") and not raw.startswith("flask.")
    ):
        return "app"
    if raw in ("flask.Blueprint", "flask.blueprints.Blueprint") or (
        raw.endswith(".Blueprint") and not raw.startswith("flask.")
    ):
        return "blueprint"
    return None


_MAX_UNROLLED = 200  # elements of a constant loop the extractor unrolls


def _target_names(target: ast.expr) -> list[str] | None:
    if isinstance(target, ast.Name):
        return [target.id]
    if isinstance(target, ast.Tuple) and all(isinstance(e, ast.Name) for e in target.elts):
        return [e.id for e in target.elts if isinstance(e, ast.Name)]
    return None


def _unpacked(element: ast.expr, count: int) -> list[ast.expr] | None:
    if isinstance(element, ast.Tuple | ast.List) and len(element.elts) == count:
        return list(element.elts)
    return None


def _calls_a_class(call: ast.Call) -> bool:
    """`Name(...)` / `mod.Name(...)` with a capitalised name: maybe a class of the project."""
    return (astwalk.last_name(call.func) or "x")[:1].isupper()


def _may_be_class(raw: str | None) -> bool:
    return raw is not None and raw.rpartition(".")[2][:1].isupper()


class _Extractor:
    def __init__(self, module: ParsedModule) -> None:
        self.m = module
        self.facts = RouteFacts()
        self.names = module.names
        # While a loop over constant data is unrolled: each loop variable's element.
        self.bound: dict[str, ast.expr] = {}
        # In a loop over a parameter (`for rule in rules:`): the loop variable's parameter.
        self.iterating: dict[str, str] = {}

    @functools.cached_property
    def call_lines(self) -> Mentions:
        """The lines where a call can matter: one naming a routing or setup method, or (maybe
        under an alias) `url_for`, `redirect`, `Flask`, `Blueprint`. Nine statements in ten
        have none, and their expressions need no walk."""
        words = set(self.call_words)
        # One scan of the text per word: a part shared by several long method names (and
        # rare elsewhere) stands for them all.
        whole = {w for w in words if not any(part in w for part in _SHARED_PARTS)}
        return self.m.mentions(whole, whole_words=True) | self.m.mentions(_SHARED_PARTS)

    @functools.cached_property
    def call_words(self) -> frozenset[str]:
        """The words `call_lines` looks for. Some depend on the whole module (its spellings of
        Flask's names, its names for apps and blueprints): a function re-analysed alone after an
        edit must find the same words, or the whole module is analysed again."""
        words = {*ROUTE_METHODS, *SETUP_METHODS, "url_map", "register_blueprint", "add_url_rule"}
        words |= self.m.spellings_of("url_for", "redirect", "Flask", "Blueprint", "App")
        return frozenset(words | self.object_names)

    @functools.cached_property
    def object_names(self) -> set[str]:
        """Names that may hold an app or a blueprint here: a call that passes one may be a call
        of a project helper that registers on it (`register_view(bp, ...)`, `init_app(app)`).
        Names bound to a call of a class (`Flask(...)`, `IndicoBlueprint(...)`, `create_app()`
        too) and parameters named as Flask's own code names them."""
        found: set[str] = set()
        for scope in self.names.scopes.values():
            for name, bindings in scope.bindings.items():
                if any(_may_hold_an_object(name, b) for b in bindings):
                    found.add(name)
        return found

    # -- references -----------------------------------------------------------------------------

    def binding_scope(self, name: str, scope: Scope) -> Scope | None:
        current: Scope | None = scope
        while current is not None:
            if current.kind == "class" and current is not scope:
                current = current.parent
                continue
            if name in current.declared_global:
                return self.names.module_scope
            if name in current.bindings and name not in current.declared_nonlocal:
                return current
            current = current.parent
        return None

    def ref(self, node: ast.expr, scope: Scope, depth: int = 0) -> str | None:
        """The reference of an app/blueprint expression, or None when we cannot say."""
        if depth > 8:
            return None
        node = self.element(node)
        if isinstance(node, ast.Name):
            binding = self.names.lookup(node.id, scope, node.lineno)
            if binding is None:
                return None
            if binding.kind in ("import", "star"):
                return binding.target
            owner = self.binding_scope(node.id, scope)
            if owner is None:
                return None
            if binding.kind == "param":
                return f"?param:{owner.qualname}.{node.id}"
            if binding.kind == "assign":
                value = binding.value
                if isinstance(value, ast.Call):
                    callee = self.m.resolve(value.func)
                    if flask_kind(callee) is not None or _may_be_class(callee):
                        return f"{owner.qualname}.{node.id}"
                    if callee is not None:
                        return f"call:{callee}"
                if isinstance(value, ast.Name | ast.Attribute):
                    return self.ref(value, scope, depth + 1)
            return None
        if isinstance(node, ast.Attribute):
            return self.m.resolve(node)
        return None

    # -- walking --------------------------------------------------------------------------------

    def run(self) -> RouteFacts:
        scope = self.names.module_scope
        marks = self.m.marks[NAME] = Marks(switches=(self.call_words,))
        for statement in self.m.tree.body:
            self.statement(statement, scope, None, False, False)
            marks.ends.append(lengths(statement_parts(self.facts)))
        return self.facts

    def block(
        self,
        body: list[ast.stmt],
        scope: Scope,
        function: str | None,
        conditional: bool,
        in_loop: bool,
    ) -> None:
        for statement in body:
            self.statement(statement, scope, function, conditional, in_loop)

    def statement(
        self, node: ast.stmt, scope: Scope, function: str | None, conditional: bool, in_loop: bool
    ) -> None:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            self.function_def(node, scope, function, conditional)
            inner = self.names.scope_of(node)
            before = len(self.facts.routes), len(self.facts.registrations)
            self.block(node.body, inner, inner.qualname, False, False)
            self.helper(node, inner, before)
            self.factory(node, inner)
            self.unwrapped_decorator(node, inner)
            return
        if isinstance(node, ast.ClassDef):
            inner = self.names.scope_of(node)
            self.view_class(node, scope, inner)
            self.block(node.body, inner, function, conditional, in_loop)
            return
        if isinstance(node, ast.If | ast.Try | ast.Match):
            self.expressions(node, scope, function, conditional, in_loop, skip_bodies=True)
            for child_body in _bodies(node):
                self.block(child_body, scope, function, True, in_loop)
            return
        if isinstance(node, ast.For) and self.unroll(node, scope, function, conditional, in_loop):
            return
        if isinstance(node, ast.For | ast.AsyncFor | ast.While):
            self.expressions(node, scope, function, conditional, in_loop, skip_bodies=True)
            saved = dict(self.iterating)
            if isinstance(node, ast.For | ast.AsyncFor):
                self.iterating.update(self._over_a_parameter(node, scope))
            for child_body in _bodies(node):
                self.block(child_body, scope, function, True, True)
            self.iterating = saved
            return
        if isinstance(node, ast.With | ast.AsyncWith):
            self.expressions(node, scope, function, conditional, in_loop, skip_bodies=True)
            self.block(node.body, scope, function, conditional, in_loop)
            return
        if (
            isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Call)
            and (_calls_a_class(node.value) or self.call_lines.within(node))
        ):
            self.object_def(node, scope, function)
        self.expressions(node, scope, function, conditional, in_loop, skip_bodies=False)

    def _over_a_parameter(self, node: ast.For | ast.AsyncFor, scope: Scope) -> dict[str, str]:
        """`for rule in rules:` where `rules` is a parameter of the function: {"rule": "rules"}."""
        if not (isinstance(node.target, ast.Name) and isinstance(node.iter, ast.Name)):
            return {}
        binding = self.names.lookup(node.iter.id, scope, node.iter.lineno)
        return {node.target.id: node.iter.id} if binding and binding.kind == "param" else {}

    def helper(
        self, node: ast.FunctionDef | ast.AsyncFunctionDef, inner: Scope, before: tuple[int, int]
    ) -> None:
        """A function that adds routes or registers blueprints on one of its parameters: keep
        its positional parameters, so that the route map can bind them at each call."""
        prefix = f"?param:{inner.qualname}."
        routes, registrations = before
        added = [d.owner for d in self.facts.routes[routes:]]
        added += [r.parent for r in self.facts.registrations[registrations:]]
        if any(owner and owner.startswith(prefix) for owner in added):
            arguments = node.args
            params = [a.arg for a in (*arguments.posonlyargs, *arguments.args)]
            self.facts.helpers[inner.qualname] = tuple(params)

    def unroll(
        self, node: ast.For, scope: Scope, function: str | None, conditional: bool, in_loop: bool
    ) -> bool:
        """`for bp in (views.bp, api.bp): app.register_blueprint(bp)`, `for rule, view in
        RULES: bp.add_url_rule(rule, view_func=view)`: a loop over constant data runs its body
        once per element, each with the loop variables bound to that element's expressions."""
        elements = self.constant_elements(node.iter, scope)
        if elements is None or node.orelse:
            return False
        names = _target_names(node.target)
        if names is None:
            return False
        for element in elements:
            values = [element] if len(names) == 1 else _unpacked(element, len(names))
            if values is None:
                return False
        saved = dict(self.bound)
        for element in elements:
            values = [element] if len(names) == 1 else _unpacked(element, len(names))
            self.bound.update(zip(names, values or (), strict=True))
            self.block(node.body, scope, function, conditional, in_loop)
            self.bound = dict(saved)
        return True

    def constant_elements(self, node: ast.expr, scope: Scope) -> list[ast.expr] | None:
        """The elements of a list/tuple literal, of a name bound to one, or of what a function
        of this module returns when all it does is return one (pgAdmin's `get_submodules()`)."""
        if isinstance(node, ast.Name):
            node = self.names.assigned_value(node.id, scope, node.lineno) or node
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and not node.args:
            called = node.func.id
            binding = self.names.lookup(called, scope, node.lineno)
            if binding is not None and binding.kind == "def":
                for statement in self.m.tree.body:
                    if (
                        isinstance(statement, ast.FunctionDef)
                        and statement.name == called
                        and len(statement.body) == 1
                        and isinstance(statement.body[0], ast.Return)
                        and statement.body[0].value is not None
                    ):
                        node = statement.body[0].value
        if not isinstance(node, ast.List | ast.Tuple) or not 0 < len(node.elts) <= _MAX_UNROLLED:
            return None
        if any(isinstance(e, ast.Starred) for e in node.elts):
            return None
        return list(node.elts)

    def element(self, node: ast.expr) -> ast.expr:
        """`node`, or the element a loop variable stands for in an unrolled loop."""
        if self.bound and isinstance(node, ast.Name) and node.id in self.bound:
            return self.bound[node.id]
        return node

    def literal(self, node: ast.expr | None) -> Literal | None:
        if isinstance(node, ast.JoinedStr) and self.bound:
            joined = self._joined(node)
            if joined is not None:
                return Literal(joined, self.m.span(node), False)
        return literal(self.m, self.element(node) if node is not None else None)

    def _joined(self, node: ast.JoinedStr) -> str | None:
        """`f"/{name}"` with `name` bound to a string by an unrolled loop."""
        parts = []
        for value in node.values:
            if isinstance(value, ast.FormattedValue):
                if value.conversion != -1 or value.format_spec is not None:
                    return None
                value = self.element(value.value)
            if not (isinstance(value, ast.Constant) and isinstance(value.value, str)):
                return None
            parts.append(value.value)
        return "".join(parts)

    def expressions(
        self,
        node: ast.stmt,
        scope: Scope,
        function: str | None,
        conditional: bool,
        in_loop: bool,
        skip_bodies: bool,
    ) -> None:
        if not self.call_lines.within(node):
            return
        roots: list[ast.AST] = []
        for name in astwalk.node_fields(type(node)):
            if skip_bodies and name in ("body", "orelse", "finalbody", "handlers", "cases"):
                continue
            value = getattr(node, name, None)
            if isinstance(value, list):
                roots.extend(v for v in value if isinstance(v, ast.AST))
            elif isinstance(value, ast.AST):
                roots.append(value)
        for root in roots:
            for child in astwalk.walk(root):
                if isinstance(child, ast.Call):
                    inner_scope = self.m.scope_at(child)
                    self.call(child, inner_scope, function, conditional, in_loop)

    # -- definitions ----------------------------------------------------------------------------

    def object_def(self, node: ast.Assign, scope: Scope, function: str | None) -> None:
        call = node.value
        assert isinstance(call, ast.Call)
        callee = self.m.resolve(call.func)
        kind = flask_kind(callee)
        if kind is None:
            if callee is not None and _may_be_class(callee):
                self.candidate(node, call, scope, function, callee)
            return
        for target in node.targets:
            if not isinstance(target, ast.Name):
                continue
            key = f"{scope.qualname}.{target.id}"
            obj = ObjectDef(key=key, kind=kind, span=self.m.span(call), function=function)
            self.object_arguments(obj, call)
            if key in self.facts.objects:
                obj.reassigned = True
            self.facts.objects[key] = obj

    def object_arguments(self, obj: ObjectDef, call: ast.Call) -> None:
        """What `Flask(...)` / `Blueprint(...)` arguments say; a candidate reads both."""
        keywords = {k.arg: k.value for k in call.keywords if k.arg}
        if obj.kind in ("blueprint", "?"):
            obj.name = self.literal(keywords.get("name") or _arg(call, 0))
            if "url_prefix" in keywords and not _is_none(keywords["url_prefix"]):
                obj.url_prefix = self.literal(keywords["url_prefix"])
            obj.subdomain = _str(keywords.get("subdomain"))
            if "url_defaults" in keywords:
                obj.url_defaults = _dict_keys(keywords["url_defaults"])
        folder = keywords.get("static_folder")
        if obj.kind in ("blueprint", "?"):  # a candidate keeps the blueprint's reading
            obj.has_static = folder is not None and not _is_none(folder)
            obj.static_folder = _str(folder)
        else:
            obj.has_static = folder is None or not _is_none(folder)
            obj.static_folder = _str(folder) if folder is not None else "static"
            if folder is not None and obj.static_folder is None:
                obj.has_static = not _is_none(folder)
        obj.static_url_path = _str(keywords.get("static_url_path"))

    def candidate(
        self, node: ast.Assign, call: ast.Call, scope: Scope, function: str | None, callee: str
    ) -> None:
        """`app = IndicoFlask(...)`: kept with both readings of Flask's and Blueprint's
        arguments; the route map decides which, if any, the class is."""
        for target in node.targets:
            if not isinstance(target, ast.Name):
                continue
            key = f"{scope.qualname}.{target.id}"
            obj = ObjectDef(
                key=key, kind="?", span=self.m.span(call), function=function, cls=callee
            )
            self.object_arguments(obj, call)
            if key in self.facts.candidates:
                obj.reassigned = True
            self.facts.candidates[key] = obj

    def factory(self, node: ast.FunctionDef | ast.AsyncFunctionDef, inner: Scope) -> None:
        """A function that returns an app or a blueprint it makes (`app = Flask(...)`, a
        subclass; `def construct_blueprint(store): bp = Blueprint(...); ...; return bp`), or
        the module's own global app that it configures (`def create_app(): ...; return app`)."""
        prefix = f"{inner.qualname}."
        makes_one = any(key.startswith(prefix) for key in self.facts.objects) or any(
            key.startswith(prefix) for key in self.facts.candidates
        )
        # A factory of its own app may return it anywhere; one that hands out a global app
        # ends with that (only the body's own statements are read: every function has some).
        candidates = astwalk.walk(node) if makes_one else node.body
        for child in candidates:
            if isinstance(child, ast.Return) and isinstance(child.value, ast.Name):
                key = self.ref(child.value, inner)
                if key is None:
                    continue
                if key.startswith(prefix):  # an app or a blueprint it makes (a blueprint factory)
                    made = key in self.facts.objects or key in self.facts.candidates
                else:
                    made = self._module_app(key, child.value, inner)
                if made:
                    self.facts.factories[inner.qualname] = key
                    return

    def _module_app(self, key: str, name: ast.Name, scope: Scope) -> bool:
        """`key` is this module's global `app = Flask(...)` (or an instance of a class that
        may derive from Flask's): read from its binding, not from facts extracted so far."""
        if key.rpartition(".")[0] != self.m.module_name:
            return False
        value = self.names.assigned_value(name.id, scope, name.lineno)
        callee = self.m.resolve(value.func) if isinstance(value, ast.Call) else None
        return flask_kind(callee) == "app" or (flask_kind(callee) is None and _may_be_class(callee))

    def view_class(self, node: ast.ClassDef, scope: Scope, inner: Scope) -> None:
        bases = [self.m.resolve(b) or "" for b in node.bases]
        if any(b and b != "object" for b in bases):
            defines_init = any(
                isinstance(s, ast.FunctionDef | ast.AsyncFunctionDef) and s.name == "__init__"
                for s in node.body
            )
            self.facts.classes[inner.qualname] = ClassFacts(
                tuple(b for b in bases if b), defines_init
            )
        flask_base: str | None = None
        if "flask.views.MethodView" in bases:
            flask_base = "MethodView"
        elif "flask.views.View" in bases:
            flask_base = "View"
        user_bases = tuple(b for b in bases if b and not b.startswith("flask.") and b != "object")
        if flask_base is None and not user_bases:
            return
        explicit: tuple[str, ...] | None = None
        defined: list[str] = []
        for statement in node.body:
            if isinstance(statement, ast.Assign):
                for target in statement.targets:
                    if isinstance(target, ast.Name) and target.id == "methods":
                        explicit = _str_tuple(statement.value)
            elif (
                isinstance(statement, ast.FunctionDef | ast.AsyncFunctionDef)
                and statement.name in HTTP_METHOD_FUNCS
            ):
                defined.append(statement.name.upper())
        self.facts.view_classes[inner.qualname] = ViewClass(
            explicit, tuple(defined), flask_base, user_bases
        )

    def unwrapped_decorator(
        self, node: ast.FunctionDef | ast.AsyncFunctionDef, inner: Scope
    ) -> None:
        found = _returned_inner_def(node)
        if found is None:
            return
        factory = False
        deeper = _returned_inner_def(found)
        wrapper = found
        if deeper is not None and len(found.args.args) == 1:
            wrapper, factory = deeper, True
        if any(
            _ends(self._raw_decorator(d, wrapper), "wraps", "functools.wraps")
            for d in wrapper.decorator_list
        ):
            return
        params = (found if factory else node).args.args
        wraps_name, import_edit = self._wraps_spelling()
        self.facts.unwrapped[inner.qualname] = UnwrappedDecorator(
            wraps_name=wraps_name,
            import_edit=import_edit,
            qualname=inner.qualname,
            inner_name=wrapper.name,
            inner_line=wrapper.lineno - 1,
            indent=self.m.source.indent_of(wrapper.lineno - 1),
            param=params[0].arg if params else None,
            factory=factory,
        )

    def _wraps_spelling(self) -> tuple[str, Edit | None]:
        scope = self.names.module_scope
        for name, bindings in scope.bindings.items():
            if bindings[-1].kind == "import" and bindings[-1].target == "functools.wraps":
                return name, None
            if bindings[-1].kind == "import" and bindings[-1].target == "functools":
                return f"{name}.wraps", None
        return "functools.wraps", add_import_module(self.m)

    def _raw_decorator(self, decorator: ast.expr, owner: ast.AST) -> str | None:
        func = decorator.func if isinstance(decorator, ast.Call) else decorator
        raw = self.m.resolve(func)
        if raw is None and isinstance(func, ast.Name | ast.Attribute):
            return func.id if isinstance(func, ast.Name) else func.attr
        return raw

    def function_def(
        self,
        node: ast.FunctionDef | ast.AsyncFunctionDef,
        scope: Scope,
        function: str | None,
        conditional: bool,
    ) -> None:
        inner = self.names.scope_of(node)
        decorators = node.decorator_list
        view_span = _name_span(self.m, node)
        for index, decorator in enumerate(decorators):
            if isinstance(decorator, ast.Attribute) and decorator.attr in SETUP_METHODS:
                owner = self.ref(decorator.value, scope)
                if owner is not None:
                    self.setup(owner, decorator.attr, decorator, function)
                continue
            if not (isinstance(decorator, ast.Call) and isinstance(decorator.func, ast.Attribute)):
                continue
            if decorator.func.attr in SETUP_METHODS and decorator.func.attr not in ROUTE_METHODS:
                owner = self.ref(decorator.func.value, scope)
                if owner is not None and decorator.func.attr != "endpoint":
                    self.setup(owner, decorator.func.attr, decorator, function)
            attr = decorator.func.attr
            if attr not in ROUTE_METHODS and attr != "endpoint":
                continue
            owner = self.ref(decorator.func.value, scope)
            if attr == "endpoint":
                if owner is not None:
                    self.setup(owner, attr, decorator, function)
                continue
            if owner is None:
                if _looks_like_route(decorator, attr):
                    self.facts.unknown_owner_routes += 1
                continue
            below = [
                (self._raw_decorator(d, node) or "?") + ("()" if isinstance(d, ast.Call) else "")
                for d in decorators[index + 1 :]
            ]
            self.facts.routes.append(
                self.route_def(
                    decorator,
                    owner,
                    "decorator",
                    rule_node=_arg(decorator, 0) or _kw(decorator, "rule"),
                    endpoint_node=_kw(decorator, "endpoint"),
                    view_name=node.name,
                    view_id=f"{inner.qualname}@{node.lineno}",  # a redefinition is another function
                    view_span=view_span,
                    view_class=None,
                    fixed_method=ROUTE_METHODS[attr],
                    wrapped_by=tuple(below),
                    function=function,
                    conditional=conditional,
                    view_qualname=inner.qualname,
                )
            )
            self.setup(owner, attr, decorator, function)

    def route_def(
        self,
        call: ast.Call,
        owner: str,
        kind: str,
        rule_node: ast.expr | None,
        endpoint_node: ast.expr | None,
        view_name: str | None,
        view_id: str,
        view_span: Span | None,
        view_class: str | None,
        fixed_method: str | None,
        wrapped_by: tuple[str, ...],
        function: str | None,
        conditional: bool,
        view_qualname: str | None,
    ) -> RouteDef:
        keywords = {k.arg: k.value for k in call.keywords if k.arg}
        methods: tuple[str, ...] | None = None
        methods_dynamic = False
        if fixed_method is not None:
            methods = (fixed_method,)
        elif "methods" in keywords:
            methods = _str_tuple(keywords["methods"])
            methods_dynamic = methods is None
        defaults: tuple[str, ...] | None = ()
        if "defaults" in keywords:
            defaults = _dict_keys(keywords["defaults"])
        strict: bool | None = None
        if isinstance(keywords.get("strict_slashes"), ast.Constant):
            value = keywords["strict_slashes"]
            assert isinstance(value, ast.Constant)
            strict = bool(value.value)
        if endpoint_node is not None:
            endpoint_node = self.element(endpoint_node)
        endpoint = _str(endpoint_node)
        dynamic = endpoint_node is not None and endpoint is None and not _is_none(endpoint_node)
        if any(k.arg is None for k in call.keywords):
            dynamic = True
        return RouteDef(
            owner=owner,
            kind=kind,
            span=self.m.span(call),
            rule=self.literal(rule_node),
            endpoint=endpoint,
            endpoint_dynamic=dynamic,
            view_name=view_name,
            view_id=view_id,
            view_span=view_span,
            view_class=view_class,
            methods=methods,
            methods_dynamic=methods_dynamic,
            defaults=defaults,
            strict_slashes=strict,
            wrapped_by=wrapped_by,
            function=function,
            line=call.lineno - 1,
            conditional=conditional,
            view_qualname=view_qualname,
            subdomain=_str(keywords.get("subdomain")),
            route_like=_looks_like_route(
                call, "add_url_rule" if kind == "add_url_rule" else "route"
            ),
        )

    def setup(self, owner: str, method: str, node: ast.expr, function: str | None) -> None:
        self.facts.setup_calls.append(
            SetupCall(owner, method, self.m.span(node), function, getattr(node, "lineno", 1) - 1)
        )

    # -- calls ----------------------------------------------------------------------------------

    def call(
        self, node: ast.Call, scope: Scope, function: str | None, conditional: bool, in_loop: bool
    ) -> None:
        func = node.func
        if (
            isinstance(func, ast.Call)
            and isinstance(func.func, ast.Attribute)
            and func.func.attr in ROUTE_METHODS
            and len(node.args) == 1
        ):
            self.route_call(node, func, scope, function, conditional)
            return
        if isinstance(func, ast.Attribute):
            attr = func.attr
            if (
                attr == "add"
                and isinstance(func.value, ast.Attribute)
                and func.value.attr == "url_map"
            ):
                self.facts.unknown_owner_routes += 1  # `app.url_map.add(Rule(...))`: raw rules
                return
            if attr == "register_blueprint":
                self.registration(node, scope, function, conditional, in_loop)
                return
            if attr == "add_url_rule":
                self.add_url_rule(node, scope, function, conditional)
                return
            if attr in SETUP_METHODS and attr not in ROUTE_METHODS and attr != "endpoint":
                owner = self.ref(func.value, scope)
                if owner is not None:
                    self.setup(owner, attr, node, function)
        raw = self.m.resolve(func)
        if raw is None:
            return
        if not _outside_the_project(raw):
            self.helper_call(node, raw, scope, function, conditional)
        elif raw in ("flask.url_for", "flask.helpers.url_for"):
            self.url_for(node, scope, function)
        elif raw in ("flask.redirect", "flask.helpers.redirect", "werkzeug.utils.redirect"):
            target = self.literal(_arg(node, 0) or _kw(node, "location"))
            if target is not None and target.value is not None:
                self.facts.redirects.append(
                    RedirectCall(
                        target,
                        self.m.span(node),
                        function,
                        _means_url_for(self.m, scope, node.lineno),
                    )
                )

    def helper_call(
        self, node: ast.Call, raw: str, scope: Scope, function: str | None, conditional: bool
    ) -> None:
        """A call of a project function that passes it an app or a blueprint: kept with its
        arguments, for the helpers that register routes on a parameter (see `helper`)."""
        # Only names that `call_words` looks for: the same calls whether the filter runs or not.
        values = [a for a in node.args if not isinstance(a, ast.Starred)]
        values += [k.value for k in node.keywords if k.arg]
        refs = [
            self.ref(v, scope)
            for v in values
            if isinstance(v, ast.Name) and v.id in self.object_names
        ]
        if not any(ref and not _outside_the_project(ref) for ref in refs):
            return
        self.facts.helper_calls.append(
            HelperCall(
                callee=raw,
                span=self.m.span(node),
                line=node.lineno - 1,
                function=function,
                conditional=conditional,
                positional=tuple(
                    self.argument(a, scope, node)
                    for a in node.args
                    if not isinstance(a, ast.Starred)
                ),
                keywords=tuple(
                    (k.arg, self.argument(k.value, scope, node)) for k in node.keywords if k.arg
                ),
                unpacked=any(isinstance(a, ast.Starred) for a in node.args)
                or any(k.arg is None for k in node.keywords),
            )
        )

    def argument(self, node: ast.expr, scope: Scope, call: ast.Call) -> Argument:
        strings: tuple[Literal, ...] | None = None
        items = node.elts if isinstance(node, ast.List | ast.Tuple) else [node]
        found = [self.literal(item) for item in items]
        if found and all(f is not None and f.value is not None for f in found):
            strings = tuple(f for f in found if f is not None)
        view = (
            self.view_ref(node, scope, call)
            if isinstance(node, ast.Name | ast.Attribute | ast.Call)
            else None
        )
        return Argument(
            self.ref(node, scope), strings, len(items) != 1 or items[0] is not node, view
        )

    def route_call(
        self,
        node: ast.Call,
        decorator: ast.Call,
        scope: Scope,
        function: str | None,
        conditional: bool,
    ) -> None:
        """`app.route("/")(index)`: the decorator called by hand."""
        assert isinstance(decorator.func, ast.Attribute)
        owner = self.ref(decorator.func.value, scope)
        if owner is None:
            if _looks_like_route(decorator, decorator.func.attr):
                self.facts.unknown_owner_routes += 1
            return
        view = node.args[0]
        view_name: str | None = None
        view_id = f"{scope.qualname}:{self.m.source.text_at(self.m.span(view))}"
        view_qualname: str | None = None
        view_span: Span | None = None
        if isinstance(view, ast.Name):
            binding = self.names.lookup(view.id, scope, view.lineno)
            view_name = view.id
            if binding is not None and binding.kind in ("def", "import") and binding.target:
                view_id = view_qualname = binding.target
                view_name = binding.target.rpartition(".")[2]
                view_span = self._def_span(binding.target)
            elif binding is None or binding.kind not in ("def", "import"):
                view_name = None  # a variable: its __name__ is unknown
        elif isinstance(view, ast.Attribute):
            view_name = view.attr
            raw = self.m.resolve(view)
            if raw is not None:
                view_id = view_qualname = raw
        self.facts.routes.append(
            self.route_def(
                decorator,
                owner,
                "call",
                rule_node=_arg(decorator, 0) or _kw(decorator, "rule"),
                endpoint_node=_kw(decorator, "endpoint"),
                view_name=view_name,
                view_id=view_id,
                view_span=view_span,
                view_class=None,
                fixed_method=ROUTE_METHODS[decorator.func.attr],
                wrapped_by=(),
                function=function,
                conditional=conditional,
                view_qualname=view_qualname,
            )
        )
        self.setup(owner, decorator.func.attr, decorator, function)

    def registration(
        self, node: ast.Call, scope: Scope, function: str | None, conditional: bool, in_loop: bool
    ) -> None:
        assert isinstance(node.func, ast.Attribute)
        keywords = {k.arg: k.value for k in node.keywords if k.arg}
        child_node = _arg(node, 0) or keywords.get("blueprint")
        child = self.ref(child_node, scope) if child_node is not None else None
        if child is None and isinstance(child_node, ast.Call):  # `register_blueprint(make_bp())`
            callee = self.m.resolve(child_node.func)
            child = f"call:{callee}" if callee is not None else None
        if child is not None and child.startswith("?param:"):
            child = None
        if any(k.arg is None for k in node.keywords):
            child = None  # **options: we cannot know the prefix or name
        prefix = keywords.get("url_prefix")
        parent = self.ref(node.func.value, scope)
        self.facts.registrations.append(
            Registration(
                parent=parent,
                child=child,
                span=self.m.span(node),
                url_prefix=self.literal(prefix)
                if prefix is not None and not _is_none(prefix)
                else None,
                name=self.literal(keywords.get("name")) if "name" in keywords else None,
                subdomain=_str(keywords.get("subdomain")),
                function=function,
                line=node.lineno - 1,
                conditional=conditional,
                in_loop=in_loop,
            )
        )
        if parent is not None:
            self.setup(parent, "register_blueprint", node, function)

    def add_url_rule(
        self, node: ast.Call, scope: Scope, function: str | None, conditional: bool
    ) -> None:
        assert isinstance(node.func, ast.Attribute)
        owner = self.ref(node.func.value, scope)
        if owner is None:
            if _looks_like_route(node, "add_url_rule"):
                self.facts.unknown_owner_routes += 1
            return
        self.setup(owner, "add_url_rule", node, function)
        keywords = {k.arg: k.value for k in node.keywords if k.arg}
        rule_node = _arg(node, 0) or keywords.get("rule")
        endpoint_node = _arg(node, 1) or keywords.get("endpoint")
        view = _arg(node, 2) or keywords.get("view_func")
        found = self.view_ref(view, scope, node)
        route = self.route_def(
            node,
            owner,
            "add_url_rule",
            rule_node=rule_node,
            endpoint_node=endpoint_node,
            view_name=found.name,
            view_id=found.id,
            view_span=found.span,
            view_class=found.cls,
            fixed_method=None,
            wrapped_by=(),
            function=function,
            conditional=conditional,
            view_qualname=found.qualname,
        )
        if owner.startswith("?param:"):
            route = self.in_helper(route, node, rule_node, view, scope)
        self.facts.routes.append(route)

    def in_helper(
        self,
        route: RouteDef,
        node: ast.Call,
        rule_node: ast.expr | None,
        view: ast.expr | None,
        scope: Scope,
    ) -> RouteDef:
        """`bp.add_url_rule(rule, view_func=view_func, **kwargs)` in a helper whose parameters
        these are: which parameters the route map must take from each call."""

        def parameter(node: ast.expr | None) -> str | None:
            if not isinstance(node, ast.Name):
                return None
            binding = self.names.lookup(node.id, scope, node.lineno)
            return node.id if binding is not None and binding.kind == "param" else None

        rule_param, each = parameter(rule_node), False
        if isinstance(rule_node, ast.Name) and rule_node.id in self.iterating:
            rule_param, each = self.iterating[rule_node.id], True
        forwards = any(k.arg is None and parameter(k.value) is not None for k in node.keywords)
        return replace(
            route,
            rule_param=rule_param,
            rule_each=each,
            view_param=parameter(view),
            forwards_keywords=forwards,
        )

    def view_ref(self, view: ast.expr | None, scope: Scope, node: ast.Call) -> ViewRef:
        """The view function `view` passes (`view_func=` of `add_url_rule` at `node`)."""
        if view is not None:
            view = self.element(view)
        view_name: str | None = None
        view_id = f"{self.m.module_name}:{node.lineno}:{node.col_offset}"
        view_span: Span | None = None
        view_class: str | None = None
        view_qualname: str | None = None
        if isinstance(view, ast.Name | ast.Attribute):
            # The same expression in the same scope is the same function object (`self.index`).
            view_id = f"{scope.qualname}:{self.m.source.text_at(self.m.span(view))}"
        if isinstance(view, ast.Name):
            binding = self.names.lookup(view.id, scope, view.lineno)
            if binding is not None and binding.kind == "def" and binding.target:
                view_name, view_qualname = view.id, binding.target
                view_id = f"{binding.target}@{binding.line}"
                view_span = self._def_span(binding.target)
            elif binding is not None and binding.kind == "import" and binding.target:
                view_name, view_id = binding.target.rpartition(".")[2], binding.target
                view_qualname = binding.target
            elif binding is not None and binding.kind == "assign" and binding.value is not None:
                found = self._as_view(binding.value, scope)
                if found is not None:
                    view_name, view_class = found
                    value = binding.value
                    view_id = f"{self.m.module_name}:{value.lineno}:{value.col_offset}"
                    view_span = self.m.span(value)
        elif isinstance(view, ast.Call):
            found = self._as_view(view, scope)
            if found is not None:
                view_name, view_class = found
                view_span = self.m.span(view)
        elif isinstance(view, ast.Attribute):
            raw = self.m.resolve(view)
            view_name = view.attr  # a bound method's __name__ is the method's
            if raw is not None:
                view_id, view_qualname = raw, raw
        if view is None:
            view_id = ""  # a rule with no view function: nothing to collide with
        return ViewRef(view_name, view_id, view_span, view_class, view_qualname)

    def _def_span(self, qualname: str) -> Span | None:
        info = self.m.facts.functions.get(qualname)
        return info.span if info is not None else None

    def _as_view(self, node: ast.expr, scope: Scope) -> tuple[str | None, str | None] | None:
        if not (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "as_view"
        ):
            return None
        name = _str(_arg(node, 0) or _kw(node, "name"))
        return name, self.m.resolve(node.func.value)

    def url_for(self, node: ast.Call, scope: Scope, function: str | None) -> None:
        first = _arg(node, 0) or _kw(node, "endpoint")
        keywords = tuple(k.arg for k in node.keywords if k.arg and k.arg != "endpoint")
        end = self.m.span(node)
        insert_at = Span(end.end_line, end.end_col - 1, end.end_line, end.end_col - 1)
        bound = tuple(scope.bindings) if scope.kind == "function" else ()
        self.facts.url_fors.append(
            UrlForCall(
                endpoint=self.literal(first),
                span=end,
                keywords=keywords,
                star_kwargs=any(k.arg is None for k in node.keywords)
                or any(isinstance(a, ast.Starred) for a in node.args),
                extra_positional=len(node.args) > 1,
                function=function,
                insert_at=insert_at,
                bound_names=bound,
                trailing_comma=self.m.source.text_at(end)[:-1].rstrip().endswith(","),
            )
        )


def add_import_module(module: ParsedModule) -> Edit | None:
    """`import functools` after the module's last top-level import (or its docstring)."""
    edit = add_import(module.source, module.tree, "functools", "wraps")
    if edit is None:
        return None
    return Edit(edit.span, f"import functools{module.source.line_break()}")


_OBJECT_PARAMS = frozenset({"app", "application", "bp", "blueprint"})


def _may_hold_an_object(name: str, binding: Binding) -> bool:
    if binding.kind == "param":
        return name in _OBJECT_PARAMS or name.endswith(("_app", "_bp", "_blueprint"))
    if binding.kind != "assign" or not isinstance(binding.value, ast.Call):
        return False
    func = binding.value.func
    called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    return called[:1].isupper() or "app" in called or "blueprint" in called


def _outside_the_project(raw: str) -> bool:
    """Flask's own names and the standard library's: never a project helper or object."""
    top = raw.partition(".")[0]
    return top in ("flask", "werkzeug") or top in sys.stdlib_module_names


def _looks_like_route(call: ast.Call, attr: str) -> bool:
    """A route on an object we cannot follow (a Flask-RESTX namespace, an app passed around):
    it may add endpoints. `.get("key")` on a cache, or `self.add_url_rule(node)` in a tool
    that happens to use the name, does not."""
    first = _arg(call, 0)
    rule = _str(first)
    if rule is not None:
        return rule.startswith("/") or (attr in ("route", "add_url_rule") and rule == "")
    if attr in ("route", "add_url_rule"):
        names = {k.arg for k in call.keywords}
        return bool(names & {"rule", "endpoint", "view_func", "methods"}) or isinstance(
            first, ast.JoinedStr | ast.BinOp
        )
    return False


def _means_url_for(module: ParsedModule, scope: Scope, line: int) -> bool:
    binding = module.names.lookup("url_for", scope, line)
    return binding is not None and binding.target in ("flask.url_for", "flask.helpers.url_for")


def _returned_inner_def(
    node: ast.FunctionDef | ast.AsyncFunctionDef,
) -> ast.FunctionDef | ast.AsyncFunctionDef | None:
    inner = {s.name: s for s in node.body if isinstance(s, ast.FunctionDef | ast.AsyncFunctionDef)}
    for statement in node.body:
        if (
            isinstance(statement, ast.Return)
            and isinstance(statement.value, ast.Name)
            and statement.value.id in inner
        ):
            return inner[statement.value.id]
    return None


def _name_span(module: ParsedModule, node: ast.FunctionDef | ast.AsyncFunctionDef) -> Span:
    line = node.lineno - 1
    text = module.source.line(line)
    col = text.find(node.name, max(text.find("def"), 0) + 3)
    col = max(col, 0)
    return Span(line, col, line, col + len(node.name))


def _arg(call: ast.Call, index: int) -> ast.expr | None:
    if len(call.args) > index and not any(
        isinstance(a, ast.Starred) for a in call.args[: index + 1]
    ):
        return call.args[index]
    return None


def _kw(call: ast.Call, name: str) -> ast.expr | None:
    for keyword in call.keywords:
        if keyword.arg == name:
            return keyword.value
    return None


def _is_none(node: ast.expr) -> bool:
    return isinstance(node, ast.Constant) and node.value is None


def _bodies(node: ast.stmt) -> list[list[ast.stmt]]:
    bodies: list[list[ast.stmt]] = []
    for name in ("body", "orelse", "finalbody"):
        value = getattr(node, name, None)
        if isinstance(value, list) and value:
            bodies.append(value)
    for handler in getattr(node, "handlers", []) or []:
        bodies.append(handler.body)
    for case in getattr(node, "cases", []) or []:
        bodies.append(case.body)
    return bodies


NAME = "routes"


# The `url_for` and `redirect` calls' places in `statement_parts`: findings about them are
# their statement's own (see `RouteFacts.structure_key`).
CALL_PARTS = (3, 4)


def statement_parts(facts: RouteFacts) -> list[Any]:
    """What a top-level statement adds to (see `Marks`)."""
    return [
        facts.registrations,
        facts.routes,
        facts.setup_calls,
        facts.url_fors,
        facts.redirects,
        facts.objects,
        facts.unwrapped,
        facts.view_classes,
        facts.factories,
        facts.unknown_owner_routes,
        facts.candidates,
        facts.classes,
        facts.helpers,
        facts.helper_calls,
    ]


def replace_routes(module: ParsedModule, previous: ParsedModule, index: int) -> RouteFacts | None:
    """The route facts of `module` from `previous`'s, where only top-level function `index`
    changed (see incremental.py): that function's own routes, objects... are redone."""
    marks = previous.marks.get(NAME)
    old = previous.facts.extras.get(NAME)
    if marks is None or not isinstance(old, RouteFacts) or len(marks.ends) != len(module.tree.body):
        return None
    extractor = _Extractor(module)
    if marks.switches != (extractor.call_words,):
        return None
    try:
        extractor.statement(module.tree.body[index], module.names.module_scope, None, False, False)
    except (RecursionError, MemoryError):
        return None
    parts, ends = splice(statement_parts(old), statement_parts(extractor.facts), marks, index)
    module.marks[NAME] = Marks(ends, switches=marks.switches)
    (registrations, routes, setup_calls, url_fors, redirects) = parts[:5]
    objects, unwrapped, view_classes, factories, unknown, candidates, classes = parts[5:12]
    helpers, helper_calls = parts[12:]
    return RouteFacts(
        objects=objects,
        registrations=registrations,
        routes=routes,
        setup_calls=setup_calls,
        url_fors=url_fors,
        redirects=redirects,
        unwrapped=unwrapped,
        view_classes=view_classes,
        factories=factories,
        unknown_owner_routes=unknown,
        candidates=candidates,
        classes=classes,
        helpers=helpers,
        helper_calls=helper_calls,
    )


def extract_routes(module: ParsedModule) -> RouteFacts:
    """Never raises: a module the extractor cannot read contributes nothing to the route map."""
    try:
        return _Extractor(module).run()
    except (RecursionError, MemoryError):
        return RouteFacts()
    except Exception as error:
        reraise_if_strict(error)
        log.exception("route extraction failed for %s", module.path)
        return RouteFacts()
