"""Editor features over the route map, as plain data: hover text, completions, definitions,
references, code lenses and workspace symbols. The server turns these into LSP objects."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from pathlib import Path

from .findings import Span
from .route_facts import Literal, RouteDef, RouteFacts, UrlForCall
from .routes import Route, RouteMap, route_map, rule_arguments
from .strict import reraise_if_strict
from .workspace import Workspace

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Place:
    path: str
    span: Span


@dataclass(frozen=True)
class Completion:
    label: str
    detail: str
    insert_text: str
    replace: Span  # the text the completion replaces (on the cursor's line)
    kind: str  # endpoint | variable
    documentation: str = ""


@dataclass(frozen=True)
class Lens:
    span: Span
    title: str


@dataclass(frozen=True)
class RouteSymbol:
    name: str  # "GET, POST /api/users"
    container: str  # endpoint
    place: Place


def facts_of(workspace: Workspace, path: str) -> RouteFacts | None:
    module = workspace.modules.get(path)
    facts = module.extras.get("routes") if module is not None else None
    return facts if isinstance(facts, RouteFacts) else None


def _display(path: str) -> str:
    return Path(path).name


def describe_route(route: Route) -> str:
    return f"`{route.methods_label()}` `{route.rule}` → `{route.endpoint}`"


def _registered_text(route: Route) -> str:
    if not route.registered:
        return "not registered on any app"
    if not route.registered_at:
        return "on the app"
    path, span = route.registered_at[-1]
    return f"registered at {_display(path)}:{span.start_line + 1}"


# -- hover ------------------------------------------------------------------------------------


def route_hover(workspace: Workspace, path: str, line: int, col: int) -> str | None:
    """Markdown for a route declaration or a `url_for(...)` under the cursor. Never raises: hover
    runs on the event loop while the index may be changing under it."""
    try:
        return _route_hover(workspace, path, line, col)
    except Exception as error:
        reraise_if_strict(error)
        log.debug("route hover failed", exc_info=True)
        return None


def _route_hover(workspace: Workspace, path: str, line: int, col: int) -> str | None:
    facts = facts_of(workspace, path)
    if facts is None:
        return None
    rmap = route_map(workspace)
    for decl in facts.routes:
        if decl.span.contains(line, col):
            return _decl_hover(rmap, path, decl)
    for call in facts.url_fors:
        if call.span.contains(line, col):
            return _url_for_hover(rmap, path, call)
    for reg in facts.registrations:
        if reg.span.contains(line, col):
            return _registration_hover(rmap, path, reg.span)
    return None


def _registration_hover(rmap: RouteMap, path: str, span: Span) -> str | None:
    instances = [
        i for i in rmap.instances if i.registered_at and i.registered_at[-1] == (path, span)
    ]
    if not instances:
        return None
    lines = ["**Blueprint registration**", ""]
    for instance in instances:
        routes = [r for r in rmap.routes if r.bp_name == instance.name and r.app == instance.app]
        prefix = instance.url_prefix if instance.url_prefix is not None else "(no prefix)"
        lines.append(f"- `{instance.name}` at `{prefix}`: {len(routes)} route(s)")
        for route in routes[:8]:
            lines.append(f"  - {describe_route(route)}")
        if len(routes) > 8:
            lines.append(f"  - … and {len(routes) - 8} more")
    return "\n".join(lines)


def _decl_hover(rmap: RouteMap, path: str, decl: RouteDef) -> str:
    routes = rmap.routes_of(path, decl)
    if not routes:
        return (
            "**Route**: not in the route map (its rule, endpoint or blueprint is computed at run "
            "time)." + _gaps_note(rmap)
        )
    lines = ["**Route**", ""]
    for route in routes:
        lines.append(f"- {describe_route(route)} ({_registered_text(route)})")
    return "\n".join(lines)


def _url_for_hover(rmap: RouteMap, path: str, call: UrlForCall) -> str | None:
    names = rmap.resolve_endpoint(path, call)
    if not names:
        return None
    lines = [f"**url_for** `{', '.join(names)}`", ""]
    found = False
    for name in names:
        for route in rmap.by_endpoint.get(name, []):
            found = True
            required = route.required or []
            arguments = dict((v, c) for c, v in rule_arguments(route.rule))
            needs = ", ".join(f"`{v}` ({arguments.get(v, 'default')})" for v in required)
            lines.append(f"- builds `{route.rule}` ({route.methods_label()})")
            lines.append(f"  - required: {needs or 'nothing'}")
    if not found:
        lines.append("No route in the workspace has this endpoint." + _gaps_note(rmap))
    return "\n".join(lines)


def _gaps_note(rmap: RouteMap) -> str:
    """Why the map may not know an endpoint: the first place it cannot follow."""
    if not rmap.incomplete:
        return ""
    gap = min(rmap.incomplete, key=lambda g: (g.path, g.line or 0))
    where = _display(gap.path) + (f":{gap.line}" if gap.line else "")
    count = len(set(rmap.incomplete))
    return (
        f" The route map may be incomplete, so flask-lsp cannot tell: {count} place(s) it "
        f"cannot follow, such as {gap.reason} ({where})."
    )


# -- completion -------------------------------------------------------------------------------

_ENDPOINT_CONTEXT = re.compile(r"url_for\(\s*(?P<quote>['\"])(?P<typed>[\w.]*)$")
_KEYWORD_CONTEXT = re.compile(
    r"url_for\(\s*(?P<quote>['\"])(?P<endpoint>[\w.]+)(?P=quote)(?P<rest>[^()]*),\s*(?P<typed>\w*)$"
)


# Enough to choose from; typing narrows the list (the client asks again: `incomplete`).
MAX_COMPLETIONS = 100


@dataclass(frozen=True)
class Completions:
    items: list[Completion]
    incomplete: bool = False  # more matched than `items` holds


def completions(
    workspace: Workspace,
    path: str,
    line_text: str,
    line: int,
    col: int,
    function: str | None,
    previous_lines: tuple[str, ...] = (),
    limit: int = MAX_COMPLETIONS,
) -> Completions:
    """Completions at `col` of `line_text`; `previous_lines` (the few lines above) let a
    `url_for(` call that spans lines be recognised."""
    before = "\n".join([*previous_lines, line_text[:col]])
    if "url_for(" not in before:
        return Completions([])  # most completion requests: nothing to do, and no route map
    rmap = route_map(workspace)
    match = _ENDPOINT_CONTEXT.search(before)
    if match:
        typed = match.group("typed")
        replace = Span(line, col - len(typed), line, col)
        return _endpoint_completions(rmap, path, function, typed, replace, limit)
    match = _KEYWORD_CONTEXT.search(before)
    if match:
        typed = match.group("typed")
        replace = Span(line, col - len(typed), line, col)
        given = set(re.findall(r"(\w+)\s*=", match.group("rest")))
        call = UrlForCall(
            endpoint=Literal(match.group("endpoint"), replace, False),
            span=replace,
            keywords=(),
            star_kwargs=False,
            extra_positional=False,
            function=function,
            insert_at=replace,
            bound_names=(),
        )
        names = rmap.resolve_endpoint(path, call) or []
        seen: set[str] = set()
        items = []
        for name in names:
            for route in rmap.by_endpoint.get(name, []):
                required = set(route.required or [])
                for converter, variable in rule_arguments(route.rule):
                    if variable in seen or variable in given:
                        continue
                    seen.add(variable)
                    need = "required" if variable in required else "optional"
                    items.append(
                        Completion(
                            f"{variable}=",
                            f"{converter} ({need}) in {route.rule}",
                            f"{variable}=",
                            replace,
                            "variable",
                        )
                    )
        return Completions(items)
    return Completions([])


def _endpoint_completions(
    rmap: RouteMap, path: str, function: str | None, typed: str, replace: Span, limit: int
) -> Completions:
    """Endpoint names matching what is typed (as a subsequence, like an editor's fuzzy
    filter), nearest first: the current blueprint's `.name`s, then this file's endpoints,
    then the rest alphabetically; at most `limit` of them."""
    bases = [b for b in rmap.relative_bases(path, function) or [] if b]
    ranked: list[tuple[int, str, str, list[Route]]] = []
    for endpoint, routes in rmap.by_endpoint.items():
        if _fuzzy_match(typed, endpoint):
            here = any(r.decl_path == path or r.view_path == path for r in routes)
            ranked.append((1 if here else 2, endpoint, endpoint, routes))
        for base in bases:
            rest = endpoint[len(base) + 1 :]
            if (
                endpoint.startswith(base + ".")
                and "." not in rest
                and _fuzzy_match(typed, "." + rest)
            ):
                ranked.append((0, "." + rest, endpoint, routes))
    ranked.sort(key=lambda entry: (entry[0], entry[1]))
    items = [
        Completion(
            label,
            " | ".join(sorted({r.rule for r in routes})),
            label,
            replace,
            "endpoint",
            _doc(routes),
        )
        for _, label, _, routes in ranked[:limit]
    ]
    return Completions(items, incomplete=len(ranked) > limit)


def _fuzzy_match(typed: str, label: str) -> bool:
    """Are `typed`'s characters in `label`, in order (ignoring case)?"""
    position = 0
    lowered = label.lower()
    for char in typed.lower():
        position = lowered.find(char, position) + 1
        if position == 0:
            return False
    return True


def _doc(routes: list[Route]) -> str:
    return "\n".join(f"{r.methods_label()} {r.rule}" for r in routes)


# -- navigation -------------------------------------------------------------------------------


def view_place(workspace: Workspace, route: Route) -> Place | None:
    if route.view_path is not None and route.view_span is not None:
        return Place(route.view_path, route.view_span)
    decl = route.decl
    if decl is not None and decl.view_qualname and route.decl_path is not None:
        found = workspace.resolve_function(decl.view_qualname, route.decl_path)
        if found is not None:
            return Place(found[0].path, found[1].span)
    if decl is not None and route.decl_path is not None:
        return Place(route.decl_path, decl.span)
    return None


def definition(workspace: Workspace, path: str, line: int, col: int) -> list[Place]:
    """From an endpoint string in `url_for(...)` to the view(s) it names."""
    facts = facts_of(workspace, path)
    if facts is None:
        return []
    rmap = route_map(workspace)
    for call in facts.url_fors:
        if call.endpoint is not None and call.endpoint.span.contains(line, col):
            places: list[Place] = []
            for route in rmap.target_routes(path, call):
                place = view_place(workspace, route)
                if place is not None and place not in places:
                    places.append(place)
            return places
    return []


def endpoints_at(workspace: Workspace, path: str, line: int, col: int) -> list[str]:
    """The endpoints of the view (or route, or `url_for` string) under the cursor."""
    facts = facts_of(workspace, path)
    if facts is None:
        return []
    rmap = route_map(workspace)
    for call in facts.url_fors:
        if call.endpoint is not None and call.endpoint.span.contains(line, col):
            return rmap.resolve_endpoint(path, call) or []
    names: list[str] = []
    for decl in facts.routes:
        on_view = decl.view_span is not None and decl.view_span.contains(line, col)
        if on_view or decl.span.contains(line, col):
            names += [r.endpoint for r in rmap.routes_of(path, decl) if r.endpoint not in names]
    return names


def references(
    workspace: Workspace, path: str, line: int, col: int, include_declaration: bool
) -> list[Place]:
    """Every `url_for` naming the endpoint(s) of the view under the cursor."""
    names = set(endpoints_at(workspace, path, line, col))
    if not names:
        return []
    rmap = route_map(workspace)
    places: list[Place] = []
    for call_path, call in rmap.url_fors():
        resolved = rmap.resolve_endpoint(call_path, call) or []
        if call.endpoint is not None and names & set(resolved):
            places.append(Place(call_path, call.endpoint.span))
    if include_declaration:
        for name in sorted(names):
            for route in rmap.by_endpoint.get(name, []):
                place = view_place(workspace, route)
                if place is not None and place not in places:
                    places.append(place)
    return places


# -- code lenses and symbols ------------------------------------------------------------------


def lens_title(routes: list[Route]) -> str:
    parts = []
    for route in routes:
        text = f"{route.methods_label()} {route.rule} → {route.endpoint}"
        if not route.registered:
            text += " (not registered)"
        if text not in parts:
            parts.append(text)
    return " · ".join(parts)


def code_lenses(workspace: Workspace, path: str) -> list[Lens]:
    rmap = route_map(workspace)
    lenses = []
    for decl, routes in rmap.declared_in(path):
        if routes:
            lenses.append(Lens(decl.span, lens_title(routes)))
    return lenses


def route_symbols(workspace: Workspace, query: str) -> list[RouteSymbol]:
    rmap = route_map(workspace)
    wanted = query.strip().lower()
    symbols = []
    for route in rmap.routes:
        name = f"{route.methods_label()} {route.rule}"
        if wanted and wanted not in route.rule.lower() and wanted not in route.endpoint.lower():
            continue
        if route.decl is not None and route.decl_path is not None:
            place = Place(route.decl_path, route.decl.span)
        elif route.view_path is not None and route.view_span is not None:
            place = Place(route.view_path, route.view_span)
        else:
            continue
        symbols.append(RouteSymbol(name, route.endpoint, place))
    return symbols
