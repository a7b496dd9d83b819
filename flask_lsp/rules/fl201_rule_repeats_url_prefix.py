"""FL201: a blueprint route's rule repeats the blueprint's `url_prefix`."""

from __future__ import annotations

from collections.abc import Iterator

from flask_lsp.analysis.findings import Finding, Fix, Severity

from ._routing import DOCS_BLUEPRINTS, facts_here, replace_literal, the_map
from .base import OPINION_GROUP, Rule, RuleContext

EXPLANATION = """\
A blueprint's `url_prefix` is put in front of every rule of the blueprint: Flask joins them
with one `/` (`BlueprintSetupState.add_url_rule`). Writing the prefix again in the rule doubles
it, so

    bp = Blueprint("api", __name__, url_prefix="/api")

    @bp.route("/api/users")
    def users(): ...

answers at `/api/api/users`, and `/api/users` is a 404. Nothing fails at start-up.

**How to fix.** Write rules relative to the blueprint: `@bp.route("/users")`. The quick fix drops
the repeated part. flask-lsp only reports it when every registration of the blueprint uses the
same prefix, and compares whole path segments (`/apiary` under `/api` is fine).
"""


def repeated(prefix: str | None, rule: str) -> bool:
    if not prefix:
        return False
    norm = prefix.rstrip("/")
    return bool(norm) and (rule == norm or rule.startswith(norm + "/"))


def check(rc: RuleContext) -> Iterator[Finding]:
    facts = facts_here(rc)
    if facts is None or not facts.routes:
        return
    rmap = the_map(rc)
    for decl in facts.routes:
        owner = rmap.owner_of(rc.path, decl)
        if rmap.kind_of(owner) != "blueprint" or decl.rule is None or decl.rule.value is None:
            continue
        rule = decl.rule.value
        prefixes = {i.own_prefix for i in rmap.instances_of(owner)}
        if len(prefixes) != 1:
            continue
        (prefix,) = prefixes
        if prefix is None or not repeated(prefix, rule):
            continue
        norm = prefix.rstrip("/")
        full = sorted({r.rule for r in rmap.routes_of(rc.path, decl)})
        where = f"; it answers at `{full[0]}`" if full else ""
        edit = replace_literal(decl.rule, rule[len(norm) :])
        fix = Fix(f"Drop the repeated `{norm}`", (edit,)) if edit is not None else None
        yield rc.finding(
            decl.rule.span,
            f"rule `{rule}` repeats the blueprint's url_prefix `{prefix}`{where}",
            fix=fix,
        )


RULE = Rule(
    group=OPINION_GROUP,
    code="FL201",
    name="rule-repeats-url-prefix",
    title="a blueprint route's rule repeats the blueprint's `url_prefix`",
    severity=Severity.WARNING,
    explanation=EXPLANATION,
    check=check,
    fixable=True,
    docs=(DOCS_BLUEPRINTS,),
)
