"""The workspace-wide route map, built statically from every module's routing facts.

`route_map(workspace)` links apps, blueprints and registrations across files and computes each
route's full rule, endpoint and methods exactly as Flask 3.1 does at registration time
(`BlueprintSetupState.add_url_rule` joins prefix and rule with one `/`; a nested blueprint's
prefix is the parent's prefix joined with its own; endpoints are `parent.child.view`; the
registration's `url_prefix=` / `name=` win over the blueprint's own). The map knows when it is
incomplete (a blueprint registered in a loop, an endpoint built at run time, routes on objects it
cannot follow) so the rules can stay quiet rather than guess.
"""

from __future__ import annotations

import difflib
import functools
import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from .findings import Span
from .resolver import Definition
from .route_facts import (
    HelperCall,
    Literal,
    ObjectDef,
    RedirectCall,
    Registration,
    RouteDef,
    RouteFacts,
    UnwrappedDecorator,
    UrlForCall,
    ViewClass,
    extract_routes,
    flask_kind,
)
from .workspace import Workspace

__all__ = ["Route", "RouteMap", "extract_routes", "route_map", "rule_arguments", "url_map_order"]

_ARGUMENT = re.compile(
    r"<(?:(?P<converter>[a-zA-Z_][a-zA-Z0-9_]*)(?:\((?P<args>.*?)\))?:)?"
    r"(?P<variable>[a-zA-Z_][a-zA-Z0-9_]*)>"
)
_APP_PARAM_NAMES = frozenset({"app", "application", "flask_app", "the_app", "wsgi_app"})
# Extensions that add endpoints of their own (their views are invisible to a static map): the
# endpoint prefix they use, or "*" when it is configurable or unbounded.
_ENDPOINT_EXTENSIONS = {
    "flask_restful": "*",
    "flask_restx": "*",
    "flask_restplus": "*",
    "flask_admin": "*",
    "flask_security": "*",
    "flask_smorest": "*",
    "flask_appbuilder": "*",
    "flask_openapi3": "*",
    "flask_user": "*",
    "flasgger": "*",
    "connexion": "*",
    "apiflask": "*",
    "flask_classful": "*",
    "flask_debugtoolbar": "_debug_toolbar",
    "flask_apispec": "flask-apispec",
}
_MAX_DEPTH = 12
_MAX_HOPS = 10


def rule_arguments(rule: str) -> list[tuple[str, str]]:
    """The `(converter, variable)` pairs of a Werkzeug rule, in order."""
    return [
        (m.group("converter") or "default", m.group("variable")) for m in _ARGUMENT.finditer(rule)
    ]


def url_map_order(routes: list[Route]) -> list[Route]:
    """`routes` as Werkzeug's `Map.iter_rules()` lists them (what `flask routes` prints):
    endpoints in the order they were first registered, and the rules of one endpoint with the
    most arguments, then the most defaults, first (`Rule.build_compare_key`)."""
    groups: dict[tuple[str, str], list[Route]] = {}
    for route in sorted(routes, key=lambda r: r.order):
        groups.setdefault((route.app, route.endpoint), []).append(route)
    return [route for group in groups.values() for route in sorted(group, key=_build_compare_key)]


def _build_compare_key(route: Route) -> tuple[int, int]:
    # Werkzeug's `Rule.arguments` holds the rule's variables and the keys of its defaults.
    defaults = route.defaults or frozenset()
    return (-len(set(route.arguments) | defaults), -len(defaults))


@dataclass(frozen=True, slots=True)
class Route:
    endpoint: str
    rule: str
    methods: frozenset[str] | None  # with HEAD and OPTIONS, as in the URL map; None: unknown
    app: str  # key of the app ("" for a blueprint registered nowhere)
    registered: bool
    decl_path: str | None  # the file of the decorator / add_url_rule (None: static route)
    decl: RouteDef | None
    view_path: str | None
    view_span: Span | None
    blueprint: str | None  # key
    bp_name: str  # dotted registered name, "" at app level
    registered_at: tuple[tuple[str, Span], ...]  # registration calls, outermost first
    defaults: frozenset[str] | None  # None: not known
    view_class: str | None
    order: tuple[int, ...]
    subdomain: str | None = None

    @property
    def arguments(self) -> list[str]:
        return [name for _, name in rule_arguments(self.rule)]

    @property
    def required(self) -> list[str] | None:
        if self.defaults is None:
            return None
        return [a for a in self.arguments if a not in self.defaults]

    def methods_label(self, all_methods: bool = False) -> str:
        if self.methods is None:
            return "?"
        shown = self.methods if all_methods else self.methods - {"HEAD", "OPTIONS"}
        return ", ".join(sorted(shown))


@dataclass(slots=True)
class Instance:
    """One registration of a blueprint on an app (or standalone, when registered nowhere)."""

    app: str
    bp: str
    name: str
    url_prefix: str | None
    own_prefix: str | None
    registered_at: tuple[tuple[str, Span], ...]
    registered: bool


@dataclass(slots=True)
class Duplicate:
    path: str
    registration: Registration
    name: str
    same_blueprint: bool
    first: tuple[str, Span]


# Up to this many endpoints, "did you mean" compares an unknown name with all of them.
_SPELL_CHECK_ALL = 2000


# Where something runs, to sort by: (path, line, column) of each call on the way, then its own.
Order = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Gap:
    """Something the map does not follow, so endpoints may be missing: why, and where."""

    reason: str
    path: str
    line: int | None = None  # 1-based; None for a whole module


@dataclass
class RouteMap:
    workspace: Workspace
    facts: dict[str, RouteFacts] = field(default_factory=dict)
    objects: dict[str, tuple[str, ObjectDef]] = field(default_factory=dict)
    apps: dict[str, str | None] = field(default_factory=dict)  # key -> path (None: pseudo)
    routes: list[Route] = field(default_factory=list)
    by_endpoint: dict[str, list[Route]] = field(default_factory=dict)
    instances: list[Instance] = field(default_factory=list)
    registrations: list[tuple[str, Registration, str | None, str | None]] = field(
        default_factory=list
    )
    duplicates: list[Duplicate] = field(default_factory=list)
    wildcards: set[str] = field(default_factory=set)  # endpoint prefixes we cannot enumerate
    incomplete: list[Gap] = field(default_factory=list)  # why the map may miss endpoints
    owners: dict[tuple[str, int], str] = field(default_factory=dict)  # (path, id(route)) -> key
    url_defaults: bool = False
    _by_decl: dict[int, list[Route]] = field(default_factory=dict)
    _by_view: dict[str, list[Route]] = field(default_factory=dict)
    _view_classes: dict[str, tuple[str, ViewClass]] = field(default_factory=dict)
    _unwrapped: dict[str, tuple[str, UnwrappedDecorator]] = field(default_factory=dict)
    _factories: dict[str, str] = field(default_factory=dict)
    _bases_memo: dict[tuple[str, str], list[str] | None] = field(default_factory=dict)
    _by_parent: dict[str, list[tuple[str, Registration, str]]] = field(default_factory=dict)
    _routes_by_owner: dict[str, list[tuple[str, RouteDef]]] = field(default_factory=dict)
    _suggestions: dict[str, list[str]] = field(default_factory=dict)
    _class_kinds: dict[tuple[str, str], tuple[str, bool] | None] = field(default_factory=dict)
    _helpers: dict[str, tuple[str, ...]] = field(default_factory=dict)  # qualname -> params
    _calls: dict[str, list[tuple[str, HelperCall]]] = field(default_factory=dict)  # by callee
    _via: dict[tuple[int, str], Order] = field(default_factory=dict)  # helper calls on the way

    # -- indexes (rules ask these once per module: a scan of the whole map each time would
    # make a workspace's check grow with the square of its size) ---------------------------

    @functools.cached_property
    def _sorted_endpoints(self) -> list[str]:
        return sorted(self.by_endpoint)

    @functools.cached_property
    def _instances_by_bp(self) -> dict[str, list[Instance]]:
        found: dict[str, list[Instance]] = {}
        for instance in self.instances:
            found.setdefault(instance.bp, []).append(instance)
        return found

    @functools.cached_property
    def _registrations_by_path(
        self,
    ) -> dict[str, list[tuple[str, Registration, str | None, str | None]]]:
        found: dict[str, list[tuple[str, Registration, str | None, str | None]]] = {}
        for entry in self.registrations:
            found.setdefault(entry[0], []).append(entry)
        return found

    @functools.cached_property
    def _by_namespace(self) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for endpoint in self._sorted_endpoints:
            found.setdefault(endpoint.rpartition(".")[0], []).append(endpoint)
        return found

    @functools.cached_property
    def _by_view_name(self) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for endpoint in self._sorted_endpoints:
            found.setdefault(endpoint.rpartition(".")[2], []).append(endpoint)
        return found

    def instances_of(self, bp: str | None) -> list[Instance]:
        """Where blueprint `bp` is mounted (one instance per registration)."""
        return self._instances_by_bp.get(bp, []) if bp is not None else []

    def registrations_in(self, path: str) -> list[tuple[str, Registration, str | None, str | None]]:
        """The `register_blueprint` calls written in `path`."""
        return self._registrations_by_path.get(path, [])

    # -- queries --------------------------------------------------------------------------------

    @property
    def has_app(self) -> bool:
        return bool(self.apps)

    @property
    def complete(self) -> bool:
        return not self.incomplete

    def owner_of(self, path: str, route: RouteDef) -> str | None:
        return self.owners.get((path, id(route)))

    def kind_of(self, key: str | None) -> str | None:
        if key is None:
            return None
        if key in self.apps:
            return "app"
        found = self.objects.get(key)
        return found[1].kind if found else None

    def routes_of(self, path: str, decl: RouteDef) -> list[Route]:
        return [r for r in self._by_decl.get(id(decl), []) if r.decl_path == path]

    def endpoint_exists(self, name: str) -> bool:
        return name in self.by_endpoint or self.matches_wildcard(name)

    def matches_wildcard(self, name: str) -> bool:
        for prefix in self.wildcards:
            if prefix == "*":
                return True
            if prefix == "" and "." not in name:
                return True
            if prefix and name.startswith(prefix + "."):
                return True
        return False

    def endpoints(self) -> list[str]:
        return list(self._sorted_endpoints)

    def suggestions(self, name: str) -> list[str]:
        """Endpoints the user probably meant: same view under a blueprint, then close spellings."""
        found = self._suggestions.get(name)
        if found is None:
            found = self._suggestions[name] = self._suggest(name)
        return list(found)

    def _suggest(self, name: str) -> list[str]:
        known = self._sorted_endpoints
        namespace, _, last = name.rpartition(".")
        same_view = self._by_view_name.get(last, [])
        same_view = [e for e in same_view if e != name]
        # Spelling is compared with every endpoint, or in a large map (a comparison costs
        # ~10 us) with those of the same blueprint: a check must not grow with the square of
        # the workspace.
        pool = known if len(known) <= _SPELL_CHECK_ALL else self._by_namespace.get(namespace, [])
        close = difflib.get_close_matches(name, pool, n=3, cutoff=0.7)
        if not close and last != name:
            close = [
                e
                for e in self._by_namespace.get(namespace, [])
                if difflib.SequenceMatcher(None, last, e.rpartition(".")[2]).ratio() >= 0.7
            ]
        ordered: list[str] = []
        for candidate in same_view + close:
            if candidate not in ordered:
                ordered.append(candidate)
        return ordered[:3]

    def relative_bases(self, path: str, function: str | None) -> list[str] | None:
        """The blueprint names a view in `function` runs under ("" at app level); None: not a view."""
        if function is None:
            return None
        key = (path, function)
        if key not in self._bases_memo:
            self._bases_memo[key] = self._relative_bases(function)
        return self._bases_memo[key]

    def _relative_bases(self, function: str) -> list[str] | None:
        if not self._by_view:
            for route in self.routes:
                if route.decl_path is None or route.decl is None:
                    continue
                if route.decl.view_qualname:
                    self._by_view.setdefault(route.decl.view_qualname, []).append(route)
                if route.view_class:
                    self._by_view.setdefault(route.view_class, []).append(route)
        # The view itself, a function nested in it, or a method of a class-based view.
        candidates = [function]
        head = function
        while ".<locals>." in head:
            head = head.rpartition(".<locals>.")[0]
            candidates.append(head)
        candidates.append(function.rpartition(".")[0])
        names: list[str] = []
        for candidate in candidates:
            for route in self._by_view.get(candidate, []):
                if route.bp_name not in names:
                    names.append(route.bp_name)
        return names or None

    def resolve_endpoint(self, path: str, call: UrlForCall) -> list[str] | None:
        """The absolute endpoint names a `url_for` can mean (several for a blueprint registered
        twice); None when it cannot be said (not a literal, a relative name outside a view)."""
        if call.endpoint is None or call.endpoint.value is None:
            return None
        name = call.endpoint.value
        if not name.startswith("."):
            return [name]
        bases = self.relative_bases(path, call.function)
        if bases is None:
            return None
        return [f"{base}{name}" if base else name[1:] for base in bases]

    def target_routes(self, path: str, call: UrlForCall) -> list[Route]:
        names = self.resolve_endpoint(path, call)
        if names is None:
            return []
        return [r for n in names for r in self.by_endpoint.get(n, [])]

    def match(self, url: str) -> list[tuple[Route, dict[str, str]]]:
        """Registered routes that serve `url` (static rules first, as Werkzeug matches them)."""
        static: list[tuple[Route, dict[str, str]]] = []
        dynamic: list[tuple[Route, dict[str, str]]] = []
        for route in self.routes:
            if not route.registered or route.endpoint.endswith("static"):
                continue
            values = _match_rule(route.rule, url)
            if values is None and route.rule.endswith("/") and not url.endswith("/"):
                strict = route.decl.strict_slashes if route.decl is not None else None
                if strict is not False:
                    values = _match_rule(route.rule, url + "/")
            if values is None:
                continue
            (dynamic if rule_arguments(route.rule) else static).append((route, values))
        return static or dynamic

    def declared_in(self, path: str) -> Iterator[tuple[RouteDef, list[Route]]]:
        facts = self.facts.get(path)
        if facts is None:
            return
        for decl in facts.routes:
            yield decl, self.routes_of(path, decl)

    # `url_for` and `redirect` calls are read from the modules as they are now: they are not
    # part of the map, which an edit changing only them keeps (see `RouteFacts.structure_key`).

    def url_fors(self) -> Iterator[tuple[str, UrlForCall]]:
        for path in self.facts:
            facts = _current(self.workspace, path)
            for call in facts.url_fors if facts is not None else ():
                yield path, call

    def redirects_in(self, path: str) -> list[RedirectCall]:
        facts = _current(self.workspace, path)
        return facts.redirects if facts is not None else []

    # -- building -------------------------------------------------------------------------------

    def build(self) -> RouteMap:
        ws = self.workspace
        for path, module in sorted(ws.modules.items()):
            facts = module.extras.get("routes")
            if not isinstance(facts, RouteFacts):
                continue
            self.facts[path] = facts
            for qualname, view in facts.view_classes.items():
                self._view_classes.setdefault(qualname, (path, view))
            for qualname, deco in facts.unwrapped.items():
                self._unwrapped.setdefault(qualname, (path, deco))
            for qualname, app_key in facts.factories.items():
                self._factories.setdefault(qualname, app_key)
            for qualname, params in facts.helpers.items():
                self._helpers.setdefault(qualname, params)
            for key, obj in [*facts.objects.items(), *self._settled(path, facts)]:
                self.objects.setdefault(key, (path, obj))
                if obj.kind == "app":
                    self.apps.setdefault(key, path)
            if facts.unknown_owner_routes:
                self.wildcards.add("*")
                self.incomplete.append(Gap("routes on objects flask-lsp cannot follow", path))
            for setup in facts.setup_calls:
                if setup.method in ("url_defaults", "app_url_defaults"):
                    self.url_defaults = True
            for name, span in module.imports:
                prefix = _ENDPOINT_EXTENSIONS.get(name.partition(".")[0])
                if prefix is not None:
                    self.wildcards.add(prefix)
                if prefix == "*":
                    extension = name.partition(".")[0]
                    self.incomplete.append(
                        Gap(f"{extension} adds endpoints of its own", path, span.start_line + 1)
                    )
        for _, obj in self.objects.values():
            if obj.kind == "blueprint" and obj.url_defaults:
                self.url_defaults = True
        self._index_helper_calls()
        # Link registrations and routes to the objects they name.
        by_parent: dict[str, list[tuple[str, Registration, str]]] = {}
        registered_children: set[str] = set()
        for path, facts in self.facts.items():
            for reg in facts.registrations:
                child = self.resolve(reg.child, path) if reg.child else None
                if child is not None and self.kind_of(child) != "blueprint":
                    child = None
                linked = self._linked(reg.parent, path, 0)
                parents = [key for key, _ in linked]
                for parent_or_none in parents or (None,):
                    self.registrations.append((path, reg, parent_or_none, child))
                for parent, order in linked:
                    self._via[(id(reg), parent)] = order
                if child is None:
                    self.incomplete.append(
                        Gap(
                            "a registration flask-lsp cannot follow (a loop, an unknown object)",
                            path,
                            _line(reg.span),
                        )
                    )
                    self.wildcards.add("*")
                    continue
                registered_children.add(child)
                if not parents:
                    self.incomplete.append(
                        Gap("a blueprint registered on an unknown object", path, _line(reg.span))
                    )
                    self.wildcards.add("*")
                    continue
                for parent in parents:
                    by_parent.setdefault(parent, []).append((path, reg, child))
        routes_by_owner: dict[str, list[tuple[str, RouteDef]]] = {}
        for path, facts in self.facts.items():
            for decl in facts.routes:
                placed = self._placed(path, decl)
                if not placed and not decl.route_like:
                    continue
                if not placed:
                    self.wildcards.add("*")
                    self.incomplete.append(
                        Gap("a route on an object flask-lsp cannot follow", path, _line(decl.span))
                    )
                    continue
                for owner, where, route, order in placed:
                    self.owners[(where, id(route))] = owner
                    routes_by_owner.setdefault(owner, []).append((where, route))
                    self._via[(id(route), owner)] = order
        self._by_parent = by_parent
        self._routes_by_owner = routes_by_owner
        counter = [0]
        for app_key in sorted(self.apps):
            app_path = self.apps[app_key]
            found = self.objects.get(app_key)
            if found is not None and found[1].has_static:
                obj = found[1]
                url_path = obj.static_url_path
                if url_path is None:
                    url_path = "/" + posixpath.basename((obj.static_folder or "static").rstrip("/"))
                self._add(
                    Route(
                        endpoint="static",
                        rule=f"{url_path.rstrip('/')}/<path:filename>",
                        methods=frozenset({"GET", "HEAD", "OPTIONS"}),
                        app=app_key,
                        registered=True,
                        decl_path=None,
                        decl=None,
                        view_path=app_path,
                        view_span=obj.span,
                        blueprint=None,
                        bp_name="",
                        registered_at=(),
                        defaults=frozenset(),
                        view_class=None,
                        order=(0,),
                    )
                )
            # Routes and registrations in the order the code runs them (same file: by line).
            events: list[tuple[Order, str, RouteDef | None, Registration | None, str]]
            events = [
                (self._order(app_key, route_path, decl), route_path, decl, None, "")
                for route_path, decl in routes_by_owner.get(app_key, [])
            ]
            events += [
                (self._order(app_key, reg_path, reg), reg_path, None, reg, child)
                for reg_path, reg, child in by_parent.get(app_key, [])
            ]
            names: dict[str, tuple[str, str, Span]] = {}
            for _, event_path, event_decl, event_reg, child in sorted(events, key=lambda e: e[0]):
                if event_decl is not None:
                    counter[0] += 1
                    self._app_route(app_key, event_path, event_decl, counter[0])
                elif event_reg is not None:
                    self._register(
                        app_key,
                        child,
                        event_path,
                        event_reg,
                        event_reg.url_prefix.value if event_reg.url_prefix else None,
                        "",
                        (),
                        names,
                        counter,
                        True,
                        subdomain=event_reg.subdomain,
                    )
        # Blueprints registered nowhere: still show their routes, under their own name.
        reached = {i.bp for i in self.instances}
        for key, (path, obj) in sorted(self.objects.items()):
            if obj.kind == "blueprint" and key not in reached and key not in registered_children:
                prefix = obj.url_prefix.value if obj.url_prefix else None
                self._register("", key, path, None, prefix, "", (), {}, counter, False)
        return self

    def _settled(self, path: str, facts: RouteFacts) -> Iterator[tuple[str, ObjectDef]]:
        """The candidates of a module (instances of project classes) whose class derives from
        Flask's `Flask` or `Blueprint`, with that kind."""
        for key, candidate in facts.candidates.items():
            found = self.class_kind(candidate.cls, path)
            if found is None:
                continue
            kind, own_init = found
            if kind == "blueprint":
                yield key, replace(candidate, kind=kind)
                continue
            if own_init:
                # Its own `__init__` decides what reaches Flask's: the static route is unknown.
                self.incomplete.append(
                    Gap(
                        f"the static route of `{candidate.cls}`, whose `__init__` is its own",
                        path,
                        _line(candidate.span),
                    )
                )
                yield key, replace(candidate, kind=kind, has_static=False)
                continue
            # Read as an app: the static route unless `static_folder` says otherwise.
            static = candidate.has_static or candidate.static_folder is None
            folder = candidate.static_folder or "static"
            yield key, replace(candidate, kind=kind, has_static=static, static_folder=folder)

    def class_kind(self, raw: str | None, near: str, depth: int = 0) -> tuple[str, bool] | None:
        """("app" | "blueprint", defines __init__) when the class `raw` names derives, at any
        depth and across modules, from Flask's `Flask` or `Blueprint`; the flag says whether a
        class of the project on the way defines its own `__init__`."""
        if raw is None or depth > _MAX_HOPS:
            return None
        kind = flask_kind(raw)
        if kind is not None:
            return kind, False
        key = (raw, near)
        if key not in self._class_kinds:
            self._class_kinds[key] = None  # a cycle of bases settles nothing
            self._class_kinds[key] = self._derived_kind(raw, near, depth)
        return self._class_kinds[key]

    def _derived_kind(self, raw: str, near: str, depth: int) -> tuple[str, bool] | None:
        kind = flask_kind(self.workspace.canonical(raw, near) or raw)
        if kind is not None:
            return kind, False
        found = self.workspace.definition(raw, near)
        if found is None:
            return None
        module, binding = found
        facts = module.extras.get("routes")
        cls = facts.classes.get(binding.qualname) if isinstance(facts, RouteFacts) else None
        for base in cls.bases if cls else ():
            settled = self.class_kind(base, module.path, depth + 1)
            if settled is not None and cls is not None:
                return settled[0], settled[1] or cls.defines_init
        return None

    # -- project helpers that register on a parameter ------------------------------------------

    def _index_helper_calls(self) -> None:
        for path, facts in self.facts.items():
            for call in facts.helper_calls:
                callee = self.workspace.canonical(call.callee, path) or call.callee
                if callee in self._helpers:
                    self._calls.setdefault(callee, []).append((path, call))

    def _call_sites(self, ref: str | None) -> tuple[str, str, list[tuple[str, HelperCall]]] | None:
        """For `?param:pkg.helper.bp`: ("pkg.helper", "bp", the calls of the helper)."""
        if ref is None or not ref.startswith("?param:"):
            return None
        function, _, param = ref[len("?param:") :].rpartition(".")
        calls = self._calls.get(function)
        return (function, param, calls) if calls else None

    def _linked(self, ref: str | None, near: str, depth: int) -> list[tuple[str, Order]]:
        """The objects a reference names, each with the places of the calls that lead to it,
        outermost first (what runs first in the object's own code runs first): a helper's
        parameter stands for the argument of each call of the helper (`def
        register_blueprints(app)` called from the factory)."""
        found = self._call_sites(ref)
        if found is None or depth > _MAX_HOPS:
            single = self.resolve(ref, near)
            return [(single, ())] if single is not None else []
        function, param, calls = found
        linked: list[tuple[str, Order]] = []
        for path, call in calls:
            argument = call.argument(param, self._helpers[function])
            place = (path, call.line, call.span.start_col)
            for key, outer in self._linked(argument.ref if argument else None, path, depth + 1):
                linked.append((key, (*outer, *place)))
        return linked

    def _placed(self, path: str, decl: RouteDef) -> list[tuple[str, str, RouteDef, Order]]:
        """(owner, path, route, order) for each object the route is added to: in a helper, once
        per call of the helper, with the rule and the view that call passes."""
        found = self._call_sites(decl.owner)
        if found is None:
            owner = self.resolve(decl.owner, path) if decl.owner else None
            return [(owner, path, decl, ())] if owner is not None else []
        function, param, calls = found
        params = self._helpers[function]
        placed: list[tuple[str, str, RouteDef, Order]] = []
        for call_path, call in calls:
            argument = call.argument(param, params)
            owners = self._linked(argument.ref if argument else None, call_path, 1)
            applied = self._applied(decl, call, params) if owners else None
            if applied is None:
                self.wildcards.add("*")
                self.incomplete.append(
                    Gap(
                        "a call of a route helper flask-lsp cannot follow",
                        call_path,
                        _line(call.span),
                    )
                )
                continue
            place = (call_path, call.line, call.span.start_col)
            for owner, outer in owners:
                for route in applied:
                    where = path if route is decl else call_path
                    placed.append((owner, where, route, (*outer, *place)))
        return placed

    def _order(self, owner: str, path: str, item: RouteDef | Registration) -> Order:
        """When a route or a registration runs on `owner`: the calls of helpers that lead to
        it, then its place in its own module (see `_decl_order`)."""
        own = _decl_order((path, item)) if isinstance(item, RouteDef) else (path, item.line, 0)
        return (*self._via.get((id(item), owner), ()), *own)

    def _applied(
        self, decl: RouteDef, call: HelperCall, params: tuple[str, ...]
    ) -> list[RouteDef] | None:
        """The routes `decl`, in a helper, adds for `call`; None when the call's arguments are
        not constants the map can read."""
        if decl.rule_param is None and decl.view_param is None and not decl.forwards_keywords:
            return [decl]
        if call.unpacked:
            return None
        rules: tuple[Literal | None, ...] = (decl.rule,)
        if decl.rule_param is not None:
            argument = call.argument(decl.rule_param, params)
            if argument is None or argument.strings is None or argument.sequence != decl.rule_each:
                return None
            rules = argument.strings
        changes: dict[str, Any] = {}
        if decl.view_param is not None:
            argument = call.argument(decl.view_param, params)
            if argument is None or argument.view is None:
                return None
            found = argument.view
            changes.update(
                view_name=found.name,
                view_id=found.id,
                view_span=found.span,
                view_class=found.cls,
                view_qualname=found.qualname,
            )
        if decl.forwards_keywords:
            forwarded = self._forwarded(call, params)
            if forwarded is None:
                return None
            changes.update(forwarded)
        return [
            replace(
                decl,
                span=call.span,
                line=call.line,
                function=call.function,
                conditional=call.conditional or decl.conditional,
                rule=rule,
                rule_param=None,
                rule_each=False,
                view_param=None,
                forwards_keywords=False,
                **changes,
            )
            for rule in rules
        ]

    @staticmethod
    def _forwarded(call: HelperCall, params: tuple[str, ...]) -> dict[str, Any] | None:
        """What a call's keywords beyond the helper's own parameters tell `add_url_rule`."""
        if len(call.positional) > len(params):
            return None  # extra positional arguments reach `add_url_rule`'s endpoint...
        endpoint: str | None = None
        methods: tuple[str, ...] | None = None
        for name, argument in call.keywords:
            if name in params:
                continue
            values = tuple(s.value for s in argument.strings or () if s.value is not None)
            if name == "endpoint" and not argument.sequence and len(values) == 1:
                endpoint = values[0]
            elif name == "methods" and argument.sequence and argument.strings is not None:
                methods = values
            else:
                return None  # another option: not followed
        return {
            "endpoint": endpoint,
            "endpoint_dynamic": False,
            "methods": methods,
            "methods_dynamic": False,
        }

    def resolve(self, ref: str | None, near: str) -> str | None:
        """The key of the app/blueprint object a reference names (through the workspace's
        resolver), or a parameter that stands for an app, or a factory call."""
        if ref is None:
            return None
        if ref in self.objects:
            return ref
        if ref.startswith("?param:"):
            name = ref.rpartition(".")[2]
            if name in _APP_PARAM_NAMES or (
                name.endswith("_app") and "bp" not in name and "blueprint" not in name
            ):
                self.apps.setdefault(ref, None)
                return ref
            return None
        if ref.startswith("call:"):
            raw = ref[len("call:") :]
            qualname = self.workspace.canonical(raw, near) or raw
            return self._factories.get(qualname)
        found = self.workspace.locate(ref, near)
        if isinstance(found, Definition) and found.qualname in self.objects:
            return found.qualname
        return None

    def _add(self, route: Route) -> None:
        self.routes.append(route)
        if route.decl is not None:
            self._by_decl.setdefault(id(route.decl), []).append(route)
        self.by_endpoint.setdefault(route.endpoint, []).append(route)

    def _methods(self, path: str, decl: RouteDef) -> frozenset[str] | None:
        if decl.methods_dynamic:
            return None
        methods: tuple[str, ...] | None = decl.methods
        if methods is None and decl.view_class is not None:
            methods = self._view_class_methods(decl.view_class, path, 0)
        chosen = {m.upper() for m in (methods or ("GET",))}
        chosen.add("OPTIONS")
        if "GET" in chosen:
            chosen.add("HEAD")
        return frozenset(chosen)

    def _view_class_methods(self, raw: str, near: str, depth: int) -> tuple[str, ...] | None:
        methods, _ = self._view_class(raw, near, depth)
        return tuple(sorted(methods)) if methods else None

    def _view_class(self, raw: str, near: str, depth: int) -> tuple[set[str] | None, bool]:
        """`View.methods` as Flask computes it (`MethodView.__init_subclass__`), and whether the
        class is a MethodView."""
        if depth > 5:
            return None, False
        qualname = self.workspace.canonical(raw, near) or raw
        found_view = self._view_classes.get(qualname)
        if found_view is not None:
            path, view = found_view
            inherited: set[str] = set()
            method_view = view.flask_base == "MethodView"
            first_base: set[str] | None = None
            for base in view.bases:
                base_methods, base_mv = self._view_class(base, path, depth + 1)
                method_view = method_view or base_mv
                if base_methods:
                    inherited |= base_methods
                    if first_base is None:
                        first_base = base_methods
            if view.explicit is not None:
                return set(view.explicit), method_view
            if method_view:
                found = inherited | set(view.defined) | self._inherited_defined(view, path, depth)
                return (found or None), True
            return first_base, False
        return None, False

    def _inherited_defined(self, view: ViewClass, near: str, depth: int) -> set[str]:
        found: set[str] = set()
        if depth > 5:
            return found
        for base in view.bases:
            qualname = self.workspace.canonical(base, near) or base
            parent = self._view_classes.get(qualname)
            if parent is not None:
                found |= set(parent[1].defined) | self._inherited_defined(
                    parent[1], parent[0], depth + 1
                )
        return found

    def view_class_qualname(self, decl: RouteDef, path: str) -> str | None:
        if decl.view_class is None:
            return None
        return self.workspace.canonical(decl.view_class, path) or decl.view_class

    def endpoint_of(
        self, path: str, decl: RouteDef
    ) -> tuple[str | None, UnwrappedDecorator | None, str | None]:
        """The endpoint a route declares (before the blueprint's name), the decorator of the
        user's that renamed its view (no `functools.wraps`), and that decorator's file."""
        if decl.endpoint is not None:
            return decl.endpoint, None, None
        if decl.endpoint_dynamic or decl.view_name is None:
            return None, None, None
        for raw in decl.wrapped_by:
            called = raw.endswith("()")
            name = raw[:-2] if called else raw
            qualname = self.workspace.canonical(name, path) or name
            entry = self._unwrapped.get(qualname)
            if entry is not None and entry[1].factory == called:
                return entry[1].inner_name, entry[1], entry[0]
        return decl.view_name, None, None

    def _app_route(self, app_key: str, path: str, decl: RouteDef, order: int) -> None:
        endpoint, _, _ = self.endpoint_of(path, decl)
        if endpoint is None:
            # On an app passed as a parameter, "app" may as well be a blueprint.
            self.wildcards.add("*" if app_key.startswith("?param:") else "")
            return
        if decl.rule is None or decl.rule.value is None:
            return
        self._add(
            Route(
                endpoint=endpoint,
                rule=decl.rule.value,
                methods=self._methods(path, decl),
                app=app_key,
                registered=True,
                decl_path=path,
                decl=decl,
                view_path=path if decl.view_span is not None else None,
                view_span=decl.view_span,
                blueprint=None,
                bp_name="",
                registered_at=(),
                defaults=frozenset(decl.defaults) if decl.defaults is not None else None,
                view_class=self.view_class_qualname(decl, path),
                order=(order,),
                subdomain=decl.subdomain,
            )
        )

    def _register(
        self,
        app: str,
        bp_key: str,
        reg_path: str,
        reg: Registration | None,
        url_prefix: str | None,
        name_prefix: str,
        chain: tuple[tuple[str, Span], ...],
        names: dict[str, tuple[str, str, Span]],
        counter: list[int],
        registered: bool,
        seen: frozenset[str] = frozenset(),
        subdomain: str | None = None,
    ) -> None:
        if len(chain) > _MAX_DEPTH or bp_key in seen:
            return
        seen = seen | {bp_key}
        bp_path, bp = self.objects[bp_key]
        if subdomain is None:
            subdomain = bp.subdomain
        own_name: str | None
        if reg is not None and reg.name is not None:
            own_name = reg.name.value
        else:
            own_name = bp.name.value if bp.name is not None else None
        if own_name is None:
            self.incomplete.append(
                Gap("a blueprint whose name is computed at run time", bp_path, _line(bp.span))
            )
            self.wildcards.add("*")
            return
        name = f"{name_prefix}.{own_name}".lstrip(".")
        here = (*chain, (reg_path, reg.span)) if reg is not None else chain
        if reg is not None and registered:
            if name in names:
                first_bp, first_path, first_span = names[name]
                self.duplicates.append(
                    Duplicate(reg_path, reg, name, first_bp == bp_key, (first_path, first_span))
                )
                return
            names[name] = (bp_key, reg_path, reg.span)
        if url_prefix is None and bp.url_prefix is not None:
            url_prefix = bp.url_prefix.value
        own_prefix = (
            reg.url_prefix.value
            if reg is not None and reg.url_prefix is not None
            else (bp.url_prefix.value if bp.url_prefix else None)
        )
        self.instances.append(Instance(app, bp_key, name, url_prefix, own_prefix, here, registered))
        if bp.has_static:
            static_path = bp.static_url_path
            if static_path is None and bp.static_folder is not None:
                static_path = "/" + posixpath.basename(bp.static_folder.rstrip("/"))
            if static_path is not None:
                self._add(
                    Route(
                        endpoint=f"{name}.static",
                        rule=_join(url_prefix, f"{static_path.rstrip('/')}/<path:filename>"),
                        methods=frozenset({"GET", "HEAD", "OPTIONS"}),
                        app=app,
                        registered=registered,
                        decl_path=None,
                        decl=None,
                        view_path=bp_path,
                        view_span=bp.span,
                        blueprint=bp_key,
                        bp_name=name,
                        registered_at=here,
                        defaults=frozenset(),
                        view_class=None,
                        order=(counter[0],),
                        subdomain=subdomain,
                    )
                )
        owned = self._routes_by_owner.get(bp_key, [])
        for path, decl in sorted(owned, key=lambda item: self._order(bp_key, *item)):
            counter[0] += 1
            endpoint, _, _ = self.endpoint_of(path, decl)
            if endpoint is None:
                self.wildcards.add(name)
                continue
            if decl.rule is None or decl.rule.value is None:
                continue
            defaults: frozenset[str] | None = None
            if decl.defaults is not None and bp.url_defaults is not None:
                defaults = frozenset(decl.defaults) | frozenset(bp.url_defaults)
            self._add(
                Route(
                    endpoint=f"{name}.{endpoint}",
                    rule=_join(url_prefix, decl.rule.value),
                    methods=self._methods(path, decl),
                    app=app,
                    registered=registered,
                    decl_path=path,
                    decl=decl,
                    view_path=path if decl.view_span is not None else None,
                    view_span=decl.view_span,
                    blueprint=bp_key,
                    bp_name=name,
                    registered_at=here,
                    defaults=defaults,
                    view_class=self.view_class_qualname(decl, path),
                    order=(counter[0],),
                    subdomain=decl.subdomain if decl.subdomain is not None else subdomain,
                )
            )
        for child_path, child_reg, child in sorted(
            self._by_parent.get(bp_key, []), key=lambda item: self._order(bp_key, item[0], item[1])
        ):
            child_obj = self.objects[child][1]
            bp_url_prefix = child_reg.url_prefix.value if child_reg.url_prefix else None
            if bp_url_prefix is None and child_obj.url_prefix is not None:
                bp_url_prefix = child_obj.url_prefix.value
            combined: str | None
            if url_prefix is not None and bp_url_prefix is not None:
                combined = url_prefix.rstrip("/") + "/" + bp_url_prefix.lstrip("/")
            elif bp_url_prefix is not None:
                combined = bp_url_prefix
            else:
                combined = url_prefix
            bp_subdomain = child_reg.subdomain
            if bp_subdomain is None:
                bp_subdomain = child_obj.subdomain
            if subdomain is not None and bp_subdomain is not None:
                bp_subdomain = f"{bp_subdomain}.{subdomain}"
            elif bp_subdomain is None:
                bp_subdomain = subdomain
            self._register(
                app,
                child,
                child_path,
                child_reg,
                combined,
                name,
                here,
                names,
                counter,
                registered,
                seen,
                bp_subdomain,
            )


def _decl_order(item: tuple[str, RouteDef]) -> tuple[str, int, int]:
    """Registration order: modules' code top to bottom, a view's decorators bottom to top."""
    path, decl = item
    if decl.kind == "decorator" and decl.view_span is not None:
        return (path, decl.view_span.start_line, -decl.line)
    return (path, decl.line, 0)


def _join(url_prefix: str | None, rule: str) -> str:
    """`BlueprintSetupState.add_url_rule`: prefix and rule joined by exactly one slash."""
    if url_prefix is None:
        return rule
    if rule:
        return "/".join((url_prefix.rstrip("/"), rule.lstrip("/")))
    return url_prefix


_CONVERTER_PATTERNS = {
    "default": r"[^/]+",
    "string": r"[^/]+",
    "int": r"\d+",
    "float": r"\d+\.\d+",
    "path": r"[^/].*?",
    "uuid": r"[A-Fa-f0-9]{8}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{4}-[A-Fa-f0-9]{12}",
}


def _match_rule(rule: str, url: str) -> dict[str, str] | None:
    pattern = []
    position = 0
    for match in _ARGUMENT.finditer(rule):
        pattern.append(re.escape(rule[position : match.start()]))
        converter = match.group("converter") or "default"
        if converter == "any":
            options = [o.strip().strip("'\"") for o in (match.group("args") or "").split(",")]
            body = "|".join(re.escape(o) for o in options if o)
        else:
            body = _CONVERTER_PATTERNS.get(converter, r"[^/]+")
        pattern.append(f"(?P<{match.group('variable')}>{body})")
        position = match.end()
    pattern.append(re.escape(rule[position:]))
    try:
        found = re.fullmatch("".join(pattern), url)
    except re.error:
        return None
    return dict(found.groupdict()) if found else None


def converter_of(rule: str, variable: str) -> str:
    for converter, name in rule_arguments(rule):
        if name == variable:
            return converter
    return "default"


def _current(workspace: Workspace, path: str) -> RouteFacts | None:
    module = workspace.modules.get(path)
    facts = module.extras.get("routes") if module is not None else None
    return facts if isinstance(facts, RouteFacts) else None


def route_map(workspace: Workspace) -> RouteMap:
    return workspace.cached(
        ("flask-lsp", "route-map"), lambda: RouteMap(workspace).build(), stable=True
    )


def _line(span: Span) -> int:
    return span.start_line + 1
