"""Shared pieces of the routing rules (FL2xx): the route map and string-literal fixes."""

from __future__ import annotations

from flask_lsp.analysis.findings import Edit, Span
from flask_lsp.analysis.route_facts import Literal, RouteFacts
from flask_lsp.analysis.routes import RouteMap, route_map

from .base import RuleContext

DOCS_BLUEPRINTS = "https://flask.palletsprojects.com/en/stable/blueprints/"
DOCS_ROUTING = "https://flask.palletsprojects.com/en/stable/api/#url-route-registrations"
DOCS_URL_FOR = "https://flask.palletsprojects.com/en/stable/api/#flask.url_for"


def the_map(rc: RuleContext) -> RouteMap:
    return route_map(rc.workspace)


def facts_here(rc: RuleContext) -> RouteFacts | None:
    facts = rc.module.facts.extras.get("routes")
    return facts if isinstance(facts, RouteFacts) else None


def replace_literal(lit: Literal, value: str) -> Edit | None:
    """Rewrite a plain string literal, keeping its quote character; None if it is not plain."""
    if not lit.simple or lit.span.start_line != lit.span.end_line or "\\" in value:
        return None
    mark = lit.quote if lit.quote not in value else ("'" if "'" not in value else None)
    if mark is None:
        return None
    return Edit(lit.span, f"{mark}{value}{mark}")


def insert_in_literal(lit: Literal, offset: int, text: str) -> Edit | None:
    """Insert `text` at character `offset` of a plain literal's value."""
    if not lit.simple or lit.span.start_line != lit.span.end_line:
        return None
    col = lit.span.start_col + 1 + offset
    return Edit(Span(lit.span.start_line, col, lit.span.start_line, col), text)


def quote(value: str) -> str:
    return f"`{value}`" if value else "`''`"
