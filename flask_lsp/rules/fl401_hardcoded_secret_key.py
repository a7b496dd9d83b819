"""FL401: `SECRET_KEY` set from a literal in the code."""

from __future__ import annotations

from collections.abc import Iterator

from flask_lsp.analysis import edits
from flask_lsp.analysis.appconfig import ConfigValue
from flask_lsp.analysis.findings import Edit, Finding, Fix, Severity

from . import _config
from .base import OPINION_GROUP, Rule, RuleContext

EXPLANATION = """\
Flask signs the session cookie (and Flask-WTF its CSRF tokens, itsdangerous its tokens) with
`SECRET_KEY`. Anyone who knows the key can forge a session, log in as any user, and with a
pickle-based session backend even run code. A key written in the source is in every clone,
backup and CI log of the repository; a short or well-known one ("dev", "changeme", "secret"...)
can be guessed outright (tools such as flask-unsign try such lists against a cookie).

flask-lsp reports a literal assigned through `app.config[...]`, `app.secret_key`,
`config.update(...)`, `from_mapping(...)`, or a configuration class or module; an environment
read with a literal fallback (`os.environ.get("SECRET_KEY", "dev")`) is reported too, since
that fallback is what runs when the variable is missing. Testing configurations
(`TestingConfig`, `TESTING=True` alongside, test modules) are fine. A literal in a module that
also loads configuration from a file or the environment (`from_pyfile`, `from_prefixed_env`...)
is a default that may be overridden: still reported, as a warning.

**How to fix.** Read it from the environment and fail when it is missing:
`app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]` (quick fix), or `app.config.from_prefixed_env()`
with `FLASK_SECRET_KEY` set. Generate one with `python -c 'import secrets; print(secrets.token_hex())'`.
"""

WELL_KNOWN = frozenset(
    {
        "dev",
        "development",
        "test",
        "testing",
        "secret",
        "secretkey",
        "secret_key",
        "secret-key",
        "mysecret",
        "changeme",
        "change-me",
        "change_me",
        "changethis",
        "password",
        "key",
        "default",
        "flask",
        "super-secret",
        "supersecret",
        "super secret key",
        "you-will-never-guess",
        "your-secret-key",
        "your_secret_key",
        "replace-me",
        "xxx",
        "abc",
        "123",
        "12345",
        "123456",
    }
)
MIN_LENGTH = 24


def check(rc: RuleContext) -> Iterator[Finding]:
    overridable = bool(_config.facts(rc).external)
    for value in _config.values(rc, "SECRET_KEY"):
        if value.profile == "testing" or value.kind not in ("literal", "env_default"):
            continue
        secret = value.value
        if isinstance(secret, bytes):
            secret = secret.decode("latin-1")
        if not isinstance(secret, str) or not secret or _names_a_setting(secret):
            continue
        weak = secret.strip().lower() in WELL_KNOWN or len(secret) < MIN_LENGTH
        severity = Severity.ERROR if weak and value.kind == "literal" else Severity.WARNING
        if overridable or value.kind == "env_default":
            severity = Severity.WARNING
        if value.profile == "development":
            severity = Severity.INFORMATION
        yield rc.finding(
            value.span,
            _message(value, secret, weak, overridable),
            fix=_fix(rc, value),
            severity=severity,
        )


def _names_a_setting(secret: str) -> bool:
    """`SECRET_KEY = "SECRET_KEY"` in a class of environment variable names: a name, not a key."""
    return secret.strip().upper().replace("-", "_").endswith("SECRET_KEY")


def _message(value: ConfigValue, secret: str, weak: bool, overridable: bool) -> str:
    known = secret.strip().lower() in WELL_KNOWN
    shown = repr(secret) if known else f"a {len(secret)}-character literal"
    quality = " (well-known: guessable)" if known else " (short: guessable)" if weak else ""
    if value.kind == "env_default":
        text = (
            f"`SECRET_KEY` ({value.via}) falls back to {shown}{quality} when "
            f"{value.env_name or 'the variable'} is not set; anyone who reads the code can sign sessions"
        )
    else:
        text = (
            f"`SECRET_KEY` set from a literal ({value.via}): {shown}{quality}; anyone who "
            "reads the code can sign session cookies"
        )
    if overridable:
        text += " (unless the configuration loaded from elsewhere in this module replaces it)"
    return text


def _fix(rc: RuleContext, value: ConfigValue) -> Fix | None:
    """Replace the value by `os.environ["NAME"]`, importing what that needs."""
    name = value.env_name or "SECRET_KEY"
    scope = rc.module.names.module_scope
    os_binding = scope.bindings.get("os")
    fix_edits: list[Edit] = []
    if os_binding and all(b.kind == "import" and b.target == "os" for b in os_binding):
        expression = f'os.environ["{name}"]'
    else:
        environ = scope.bindings.get("environ")
        if environ and any(b.target != "os.environ" for b in environ):
            return None
        import_edit = edits.add_import(rc.module.source, rc.module.tree, "os", "environ")
        if import_edit is not None:
            fix_edits.append(import_edit)
        expression = f'environ["{name}"]'
    fix_edits.append(edits.replace(value.span, expression))
    return Fix(f"Read it from the environment: `{expression}`", tuple(fix_edits))


RULE = Rule(
    group=OPINION_GROUP,
    code="FL401",
    name="hardcoded-secret-key",
    title="`SECRET_KEY` set from a literal (worse: short or well-known)",
    severity=Severity.WARNING,
    explanation=EXPLANATION,
    check=check,
    fixable=True,
    docs=("https://flask.palletsprojects.com/en/stable/config/#SECRET_KEY",),
)
