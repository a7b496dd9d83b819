"""FL302: `request.method == "POST"` in a view whose route does not allow POST: a dead branch."""

from __future__ import annotations

from collections.abc import Iterator

from flask_lsp.analysis.findings import Finding, Severity

from . import _views
from ._request import uses_request
from .base import OPINION_GROUP, Rule, RuleContext
from .fl301_body_read_in_get_view import method_comparisons

EXPLANATION = """\
Flask answers a request whose method the route does not list with `405 Method Not Allowed`
without calling the view. A view registered with `@app.route("/login")` (GET only) that does
`if request.method == "POST":` therefore never takes that branch: the form handling it contains
is dead code, and the form that posts to it gets a 405 page. The test is written against the
methods the route allows (GET also answers HEAD; OPTIONS is answered by Flask itself unless it
is listed).

**How to fix.** List the method on the route: `@app.route("/login", methods=["GET", "POST"])`
(quick fix), or split the view into `@app.get` and `@app.post` views.
"""


def check(rc: RuleContext) -> Iterator[Finding]:
    if not uses_request(rc):
        return
    for view in _views.views(rc.module):
        methods = view.methods
        if methods is None:
            continue
        allowed = ", ".join(m for m in _views.HTTP_METHODS if m in methods)
        for node in _views.own_nodes(view.node):
            for literal in method_comparisons(rc, node):
                method = literal.value
                if method not in _views.HTTP_METHODS or method in methods:
                    continue
                message = (
                    f'`request.method` is never "{method}" in `{view.node.name}`: its route only '
                    f"allows {allowed}, so Flask answers {method} with 405 and this test is dead"
                )
                yield rc.finding(
                    rc.module.span(literal), message, fix=_views.add_method_fix(rc, view, method)
                )


RULE = Rule(
    group=OPINION_GROUP,
    code="FL302",
    name="method-not-allowed-branch",
    title="`request.method` tested for a method the view's route does not allow",
    severity=Severity.WARNING,
    explanation=EXPLANATION,
    check=check,
    fixable=True,
    docs=("https://flask.palletsprojects.com/en/stable/quickstart/#http-methods",),
)
