"""FL404: `session` is used, but no `SECRET_KEY` is configured anywhere in the workspace."""

from __future__ import annotations

import ast
from collections.abc import Iterator

from flask_lsp.analysis.appconfig import ConfigFacts
from flask_lsp.analysis.findings import Finding, Severity
from flask_lsp.analysis.workspace import Workspace

from .base import Rule, RuleContext

EXPLANATION = """\
Flask keeps the session in a cookie signed with `SECRET_KEY`. Without a key, reading `session`
gives an empty, read-only session and writing to it fails in the view:

    RuntimeError: The session is unavailable because no secret key was set.  Set the
    secret_key on the application to something unique and secret.

so every login, cart or flash message breaks with a 500.

flask-lsp reports the first use of Flask's `session` (or a `flash()`, which writes to it) in
each module when the workspace creates a Flask app and sets `SECRET_KEY` nowhere: not through
`app.config`, `app.secret_key`, `update`, `from_mapping`, a configuration class or module, and
loads no configuration it cannot see (`from_object`, `from_pyfile`, `from_envvar`,
`from_prefixed_env`, `from_file`, a mapping built at run time). Flask-Session (server-side
sessions) is accepted too. Another object named `session` (SQLAlchemy's, a parameter) is not
Flask's and is not reported.

**How to fix.** Configure a key from the environment: `app.config.from_prefixed_env()` with
`FLASK_SECRET_KEY` set, or `app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]`.
"""


def check(rc: RuleContext) -> Iterator[Finding]:
    if not rc.workspace.cached(
        ("FL404", "session-without-key"), lambda: _unconfigured(rc.workspace), stable=True
    ):
        return
    places = [
        (use.span, "`session` is used")
        for use in rc.module.facts.uses
        if use.proxy == "session" and rc.canonical(use.raw) == "flask.session"
    ]
    if "flash" in rc.module.source.text:
        for node in rc.module.nodes_of(ast.Call):
            if _is_flash(rc, node.func):
                places.append((rc.module.span(node), "`flash()` stores messages in the session"))
    if places:
        span, what = min(places, key=lambda place: place[0])
        message = (
            f"{what}, but no `SECRET_KEY` is configured anywhere in the workspace: writing to "
            'the session raises RuntimeError ("The session is unavailable because no secret '
            'key was set")'
        )
        yield rc.finding(span, message)


def _is_flash(rc: RuleContext, func: ast.expr) -> bool:
    raw = rc.module.resolve(func)
    return raw is not None and rc.canonical(raw) == "flask.flash"


def _unconfigured(workspace: Workspace) -> bool:
    """True when some module creates an app and none configures a key or loads config."""
    creates_app = False
    for module in workspace.modules.values():
        facts = module.extras.get("config")
        if not isinstance(facts, ConfigFacts):
            continue
        creates_app = creates_app or facts.creates_app
        if facts.external or facts.uses_flask_session:
            return False
        for value in facts.values:
            if value.key == "SECRET_KEY" and not (value.kind == "literal" and not value.value):
                return False
    return creates_app


RULE = Rule(
    code="FL404",
    name="session-without-secret-key",
    title="`session` used, but no `SECRET_KEY` configured anywhere in the workspace",
    severity=Severity.WARNING,
    explanation=EXPLANATION,
    check=check,
    docs=("https://flask.palletsprojects.com/en/stable/quickstart/#sessions",),
)
