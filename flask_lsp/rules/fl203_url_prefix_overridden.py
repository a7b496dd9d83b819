"""FL203: `url_prefix` at `Blueprint(...)` and a different one at `register_blueprint(...)`."""

from __future__ import annotations

from collections.abc import Iterator

from flask_lsp.analysis.findings import Finding, Related, Severity

from ._routing import DOCS_BLUEPRINTS, quote, the_map
from .base import Rule, RuleContext

EXPLANATION = """\
`register_blueprint(bp, url_prefix=...)` *replaces* the `url_prefix` given to
`Blueprint(..., url_prefix=...)`; the two are not combined, and nothing warns you:

    bp = Blueprint("admin", __name__, url_prefix="/admin")
    app.register_blueprint(bp, url_prefix="/staff")   # routes live under /staff only

Whoever reads the blueprint's module believes its URLs start with `/admin`.

**How to fix.** Set the prefix in one place: drop it from `Blueprint(...)` (the registration
decides where the blueprint is mounted) or from `register_blueprint(...)`.
"""


def check(rc: RuleContext) -> Iterator[Finding]:
    rmap = the_map(rc)
    for _, reg, _, child in rmap.registrations_in(rc.path):
        if reg.url_prefix is None or reg.url_prefix.value is None:
            continue
        if child is None:
            continue
        bp_path, bp = rmap.objects[child]
        if bp.url_prefix is None or bp.url_prefix.value is None:
            continue
        given, own = reg.url_prefix.value, bp.url_prefix.value
        if given.rstrip("/") == own.rstrip("/"):
            continue
        name = bp.name.value if bp.name is not None and bp.name.value else child
        yield rc.finding(
            reg.url_prefix.span,
            f"url_prefix {quote(given)} silently replaces {quote(own)} given to Blueprint "
            f"`{name}`: its routes live under {quote(given or '/')} only",
            related=[Related(bp_path, bp.url_prefix.span, f"`{own}` is ignored")],
        )


RULE = Rule(
    code="FL203",
    name="url-prefix-overridden",
    title="`url_prefix` given at `Blueprint(...)` and, differently, at `register_blueprint(...)`",
    severity=Severity.WARNING,
    explanation=EXPLANATION,
    check=check,
    docs=(DOCS_BLUEPRINTS,),
)
