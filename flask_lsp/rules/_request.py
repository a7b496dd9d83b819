"""Recognising Flask's `request` (through any import alias) and what is read from it."""

from __future__ import annotations

import ast

from flask_lsp.analysis.module import ProxyUse
from flask_lsp.analysis.source import Mentions

from .base import RuleContext

# Attributes and methods that read the request body.
BODY_READS = frozenset({"json", "get_json", "form", "files", "data", "get_data"})
JSON_READS = frozenset({"json", "get_json"})
# Attributes that tell which kind of body arrived.
CONTENT_CHECKS = frozenset({"is_json", "content_type", "mimetype", "mimetype_params", "headers"})


def is_request(rc: RuleContext, node: ast.AST) -> bool:
    """Is `node` Flask's `request` proxy (not a parameter or a variable called `request`)?"""
    if not isinstance(node, ast.Name | ast.Attribute):
        return False
    raw = rc.module.resolve(node)
    return raw is not None and rc.canonical(raw) == "flask.request"


def request_attr(rc: RuleContext, node: ast.AST) -> str | None:
    """`request.<attr>` -> attr, for Flask's request."""
    if isinstance(node, ast.Attribute) and is_request(rc, node.value):
        return node.attr
    return None


def called_attr(rc: RuleContext, node: ast.AST) -> str | None:
    """`request.<attr>(...)` -> attr."""
    if isinstance(node, ast.Call):
        return request_attr(rc, node.func)
    return None


def uses_request(rc: RuleContext) -> bool:
    """Does the module use Flask's `request` at all? (A cheap test before walking its AST.)"""
    return any(_may_be_request(rc, use) for use in rc.module.facts.uses)


def request_lines(rc: RuleContext) -> Mentions:
    """The lines that may use Flask's `request`: every `request.<attr>` is on one of them (the
    facts record each dereferenced name that may be a proxy), so a function with none of them
    reads nothing from the request."""
    uses = rc.module.facts.uses
    return Mentions(sorted({use.span.start_line for use in uses if _may_be_request(rc, use)}))


def _may_be_request(rc: RuleContext, use: ProxyUse) -> bool:
    return use.proxy == "request" or rc.canonical(use.raw) == "flask.request"
