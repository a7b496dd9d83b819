"""FL206: two different view functions for one endpoint (Flask raises)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from flask_lsp.analysis.findings import Edit, Finding, Fix, Related, Severity, Span
from flask_lsp.analysis.route_facts import RouteDef, UnwrappedDecorator
from flask_lsp.analysis.routes import Route, RouteMap

from ._routing import DOCS_ROUTING, facts_here, the_map
from .base import Rule, RuleContext

EXPLANATION = """\
Flask maps each endpoint name to one view function. A second, *different* function for the
same endpoint raises (on the app at decoration time, on a blueprint when it is registered):

    AssertionError: View function mapping is overwriting an existing endpoint function: main.index

It happens when
- two view functions have the same name in one app or blueprint (the endpoint defaults to the
  function's name), often in two modules that share a blueprint;
- `View.as_view("name")` is called twice with one name (every call makes a new function);
- views are wrapped by a decorator of yours that does not use `functools.wraps`: every view is
  then called `wrapper` (or whatever the inner function is called), so the second one collides.

One function on several rules (stacked `@bp.route` decorators) is fine.

**How to fix.** Rename one view or pass a distinct `endpoint=`; reuse one `as_view(...)` result;
decorate the inner function of your decorator with `@functools.wraps(view)` (the quick fix
adds it).
"""


def check(rc: RuleContext) -> Iterator[Finding]:
    facts = facts_here(rc)
    if facts is None or not facts.routes:
        return
    rmap = the_map(rc)
    mine = {id(d) for d in facts.routes}
    reported: set[int] = set()
    # Endpoint collisions of the whole map, found once per map (not once per module).
    collisions = rc.workspace.cached(
        ("FL206", "collisions", id(rmap)), lambda: list(_collisions(rmap)), stable=True
    )
    for others, route in collisions:
        decl = route.decl
        if decl is None or route.decl_path != rc.path or id(decl) not in mine:
            continue
        if id(decl) in reported:
            continue
        reported.add(id(decl))
        _, wrapper, wrapper_path = rmap.endpoint_of(rc.path, decl)
        related = [
            Related(o.decl_path, o.decl.span, f"`{route.endpoint}` also served by this view")
            for o in others
            if o.decl_path is not None and o.decl is not None
        ][:3]
        if wrapper is not None and wrapper_path is not None:
            name = wrapper.qualname.rpartition(".")[2]
            yield rc.finding(
                decl.span,
                f"`@{name}` does not use `functools.wraps`, so this view's endpoint is "
                f"`{route.endpoint}`, like other views it wraps: Flask raises `AssertionError: "
                "View function mapping is overwriting an existing endpoint function`",
                fix=_wraps_fix(rc.path, wrapper, wrapper_path),
                related=related,
            )
            continue
        yield rc.finding(
            decl.span,
            f"endpoint `{route.endpoint}` already belongs to another view function: Flask "
            "raises `AssertionError: View function mapping is overwriting an existing endpoint "
            f"function: {route.endpoint}`{_advice(decl)}",
            related=related,
        )


def _collisions(rmap: RouteMap) -> Iterator[tuple[list[Route], Route]]:
    groups: dict[tuple[str, str], list[Route]] = {}
    for route in rmap.routes:
        if route.decl is None or not route.decl.view_id:
            continue
        owner = rmap.objects.get(route.app)
        if owner is not None and owner[1].reassigned:
            continue  # `app = Flask()` twice in one scope: which app a route is on is unclear
        groups.setdefault((route.app, route.endpoint), []).append(route)
    for routes in groups.values():
        ids = {r.decl.view_id for r in routes if r.decl is not None}
        identity = {i: _identity(i, ids) for i in ids}
        if len(set(identity.values())) < 2:
            continue
        for route in routes:
            assert route.decl is not None
            mine = identity[route.decl.view_id]
            others = [r for r in routes if r.decl is not None and identity[r.decl.view_id] != mine]
            yield others, route


def _identity(view_id: str, ids: set[str]) -> str:
    """`pkg.views.index@12` (a def) and `pkg.views.index` (that function imported elsewhere)
    are one function, unless the module defines `index` twice."""
    base, _, line = view_id.partition("@")
    if line and base in ids and sum(1 for i in ids if i.startswith(base + "@")) == 1:
        return base
    return view_id


def _advice(decl: RouteDef) -> str:
    if decl.view_class is not None:
        return "; every `as_view()` call makes a new function: create it once and reuse it"
    return "; rename the view or pass `endpoint=`"


def _wraps_fix(here: str, wrapper: UnwrappedDecorator, path: str) -> Fix | None:
    if wrapper.param is None:
        return None
    target = None if Path(path) == Path(here) else path
    line = wrapper.inner_line
    edits = [
        Edit(
            Span(line, 0, line, 0),
            f"{wrapper.indent}@{wrapper.wraps_name}({wrapper.param})\n",
            target,
        )
    ]
    if wrapper.import_edit is not None:
        edits.append(Edit(wrapper.import_edit.span, wrapper.import_edit.new_text, target))
    return Fix(
        f"Add `@{wrapper.wraps_name}({wrapper.param})` to the decorator's wrapper", tuple(edits)
    )


RULE = Rule(
    code="FL206",
    name="endpoint-overwritten",
    title="two view functions for one endpoint (name clash, reused `as_view`, decorator without `wraps`)",
    severity=Severity.ERROR,
    explanation=EXPLANATION,
    check=check,
    fixable=True,
    docs=(DOCS_ROUTING,),
)
