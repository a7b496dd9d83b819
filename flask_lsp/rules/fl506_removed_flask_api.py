"""FL506: APIs that Flask removed (1.0-3.0) or deprecated: the app breaks on upgrade."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import PurePath

from flask_lsp.analysis import astwalk, edits
from flask_lsp.analysis.findings import Finding, Fix, Severity, Span

from ._data import structure
from .base import Rule, RuleContext

EXPLANATION = """\
Flask removes deprecated APIs after a release or two, and code written for older Flask breaks
on upgrade. The names below are gone from Flask 3.1 (checked against its change log and against
Flask 3.1.3 itself): importing one raises `ImportError: cannot import name 'escape' from 'flask'`,
using an attribute raises `AttributeError: 'Flask' object has no attribute
'before_first_request'`, an old keyword raises `TypeError: send_file() got an unexpected keyword
argument 'attachment_filename'`. Removed configuration keys raise nothing: Flask simply ignores
them, so they are reported as warnings.

| Removed | In | Use instead |
|---|---|---|
| `flask.escape`, `flask.Markup` | 3.0 | `from markupsafe import escape, Markup` (quick fix) |
| `app.before_first_request`, `bp.before_app_first_request` | 2.3 | run the setup code in the app factory, or `with app.app_context():` |
| `app.got_first_request` | 3.0 | no replacement; track it yourself |
| `_app_ctx_stack`, `_request_ctx_stack` | 3.0 | `g` (with a unique prefix), `flask.globals._cv_app` |
| `flask.json.JSONEncoder` / `JSONDecoder`, `app.json_encoder` / `json_decoder` | 2.3 | a `flask.json.provider.DefaultJSONProvider` subclass set as `app.json` |
| `flask.json.htmlsafe_dumps` / `htmlsafe_dump` | 2.3 | Jinja's `|tojson` filter |
| `app.env`, config `ENV`, `FLASK_ENV` | 2.3 | `app.debug` / `--debug` |
| `app.session_cookie_name`, `send_file_max_age_default`, `use_x_sendfile`, `propagate_exceptions`, `templates_auto_reload` | 2.3 | the config keys (`app.config["SESSION_COOKIE_NAME"]`...) |
| config `JSON_AS_ASCII`, `JSON_SORT_KEYS`, `JSONIFY_MIMETYPE`, `JSONIFY_PRETTYPRINT_REGULAR` | 2.3 | `app.json.ensure_ascii`, `.sort_keys`, `.mimetype`, `.compact` |
| `locked_cached_property` | 3.0 | `functools.cached_property` with a lock |
| `flask.signals_available` | 3.0 | signals are always available |
| `send_file(attachment_filename=, cache_timeout=, add_etags=)` | 2.2 | `download_name=`, `max_age=`, `etag=` (quick fix) |
| `send_from_directory(filename=)` | 2.2 | `path=` (quick fix) |
| `app.config.from_json(f)` | 2.1 | `app.config.from_file(f, load=json.load)` |
| `flask.safe_join`, `flask.helpers.total_seconds` | 2.1 | `werkzeug.utils.safe_join` (quick fix), `timedelta.total_seconds()` |
| `flask.testing.make_test_environ_builder` | 2.0 | `flask.testing.EnvironBuilder` |
| `flask.ext.<name>` | 1.0 | `flask_<name>` (quick fix) |
| `Flask(static_path=...)` | 1.0 | `static_url_path=` (quick fix) |
| `flask.__version__` (deprecated) | 3.0 | `importlib.metadata.version("flask")` |

Compatibility code is not reported: a `try` that handles `ImportError` around the import, a
branch on a version (`if FLASK_VERSION < (2, 3):`), and an attribute of a receiver of unknown
type when a class of the project defines that name itself (a Flask subclass with its own
`session_cookie_name`).

In test modules (`test_*.py`, `*_test.py`, `conftest.py`) a removed name breaks the suite on
upgrade, not the app at run time: reported as a warning.

**How to fix.** Use the replacement in the table; the quick fix does the mechanical ones.
"""


@dataclass(frozen=True)
class Removed:
    since: str
    instead: str
    new_module: str | None = None  # a plain re-import fixes it: `from markupsafe import escape`
    deprecated: bool = False


# Module-level names, by canonical qualified name.
NAMES = {
    "flask.escape": Removed("3.0", "`from markupsafe import escape`", "markupsafe"),
    "flask.Markup": Removed("3.0", "`from markupsafe import Markup`", "markupsafe"),
    "flask._app_ctx_stack": Removed("3.0", "`g` or `flask.globals._cv_app`"),
    "flask._request_ctx_stack": Removed("3.0", "`g` or `flask.globals._cv_request`"),
    "flask.signals_available": Removed("3.0", "nothing: signals are always available"),
    "flask.locked_cached_property": Removed("3.0", "`functools.cached_property` with a lock"),
    "flask.safe_join": Removed("2.1", "`from werkzeug.utils import safe_join`", "werkzeug.utils"),
    "flask.total_seconds": Removed("2.1", "`timedelta.total_seconds()`"),
    "flask.json.JSONEncoder": Removed("2.3", "a `DefaultJSONProvider` subclass as `app.json`"),
    "flask.json.JSONDecoder": Removed("2.3", "a `DefaultJSONProvider` subclass as `app.json`"),
    "flask.json.htmlsafe_dumps": Removed("2.3", "Jinja's `|tojson` filter"),
    "flask.json.htmlsafe_dump": Removed("2.3", "Jinja's `|tojson` filter"),
    "flask.testing.make_test_environ_builder": Removed("2.0", "`flask.testing.EnvironBuilder`"),
    "flask.__version__": Removed("3.2", '`importlib.metadata.version("flask")`', deprecated=True),
}
# Attributes of an app or blueprint whose name is Flask's own.
APP_ATTRIBUTES = {
    "before_first_request": Removed("2.3", "setup code in the app factory"),
    "before_app_first_request": Removed("2.3", "setup code in the app factory"),
    "got_first_request": Removed("3.0", "tracking it yourself"),
    "json_encoder": Removed("2.3", "a `DefaultJSONProvider` subclass as `app.json`"),
    "json_decoder": Removed("2.3", "a `DefaultJSONProvider` subclass as `app.json`"),
    "session_cookie_name": Removed("2.3", '`app.config["SESSION_COOKIE_NAME"]`'),
    "send_file_max_age_default": Removed("2.3", '`app.config["SEND_FILE_MAX_AGE_DEFAULT"]`'),
    "use_x_sendfile": Removed("2.3", '`app.config["USE_X_SENDFILE"]`'),
    "templates_auto_reload": Removed("2.3", '`app.config["TEMPLATES_AUTO_RELOAD"]`'),
}
# Attributes too common to flag on anything but a known app object.
KNOWN_APP_ATTRIBUTES = {
    "env": Removed("2.3", "`app.debug`"),
    "propagate_exceptions": Removed("2.3", '`app.config["PROPAGATE_EXCEPTIONS"]`'),
}
CONFIG_KEYS = {
    "JSON_AS_ASCII": "app.json.ensure_ascii",
    "JSON_SORT_KEYS": "app.json.sort_keys",
    "JSONIFY_MIMETYPE": "app.json.mimetype",
    "JSONIFY_PRETTYPRINT_REGULAR": "app.json.compact",
}
KEYWORDS = {
    "flask.send_file": {
        "attachment_filename": "download_name",
        "cache_timeout": "max_age",
        "add_etags": "etag",
    },
    "flask.send_from_directory": {"filename": "path"},
    "flask.Flask": {"static_path": "static_url_path"},
}
_KEYWORDS_SINCE = {
    "flask.send_file": "2.2",
    "flask.send_from_directory": "2.2",
    "flask.Flask": "1.0",
}


# Cheap tests before resolving names: the last part of each removed name, and each renamed
# keyword (most attributes and calls of a module are neither).
_LAST_PARTS = frozenset(name.rpartition(".")[2] for name in NAMES)
_RENAMED_KEYWORDS = frozenset(k for renames in KEYWORDS.values() for k in renames)
_APP_ATTRIBUTE_NAMES = frozenset(APP_ATTRIBUTES) | frozenset(KNOWN_APP_ATTRIBUTES)


def check(rc: RuleContext) -> Iterator[Finding]:
    guarded: list[tuple[int, int]] | None = None
    for finding in _check(rc):
        if guarded is None:
            guarded = _compatibility_code(rc)
        line = finding.span.start_line
        if any(start <= line <= end for start, end in guarded):
            continue
        if finding.severity is Severity.ERROR and _is_test_module(rc.path):
            # The suite breaks on upgrade, not the app at run time: a warning, by the policy.
            finding = replace(finding, severity=Severity.WARNING)
        yield finding


def _is_test_module(path: str) -> bool:
    name = PurePath(path).name
    return name.startswith("test_") or name.endswith("_test.py") or name == "conftest.py"


def _compatibility_code(rc: RuleContext) -> list[tuple[int, int]]:
    """The lines of each `try` that handles ImportError (`try: from markupsafe import Markup`
    / `except ImportError: from flask import Markup`) and of each branch on a version: code
    that only reaches a removed name where it still exists."""
    regions: list[tuple[int, int]] = []
    for node in rc.module.nodes_of_types(astwalk.TRY_STATEMENTS):
        handlers: list[ast.ExceptHandler] = getattr(node, "handlers", [])
        if any(astwalk.catches(h.type, _IMPORT_ERRORS) for h in handlers):
            regions.append(_lines(node))
    for branch in rc.module.nodes_of(ast.If):
        test = rc.module.source.text_at(rc.module.span(branch.test))
        if "version" in test.lower():
            regions.append(_lines(branch))
    return regions


def _lines(node: ast.AST) -> tuple[int, int]:
    first: int = getattr(node, "lineno", 1)
    return first - 1, (getattr(node, "end_lineno", None) or first) - 1


_IMPORT_ERRORS = frozenset({"ImportError", "ModuleNotFoundError", "AttributeError", "Exception"})


def _check(rc: RuleContext) -> Iterator[Finding]:
    module = rc.module
    for statement in module.nodes_of(ast.ImportFrom):
        yield from _flask_ext(rc, statement)
        yield from _import_from(rc, statement)
    for imported in module.nodes_of(ast.Import):
        yield from _flask_ext(rc, imported)
    names = _LAST_PARTS | _reexported_as(rc)
    for attribute in module.nodes_of(ast.Attribute):
        if attribute.attr in names or attribute.attr in _APP_ATTRIBUTE_NAMES:
            yield from _attribute(rc, attribute, attribute.attr in names)
    for call in module.nodes_of(ast.Call):
        if any(k.arg in _RENAMED_KEYWORDS for k in call.keywords):
            yield from _keywords(rc, call)
        if _is_config_method(call.func):
            yield from _config_call(rc, call)
    for subscript in module.nodes_of(ast.Subscript):
        if isinstance(subscript.ctx, ast.Store) and _is_config(rc, subscript.value):
            yield from _config_item(rc, subscript)
    for definition in module.nodes_of(ast.ClassDef):
        if "config" in definition.name.lower():
            yield from _config_class(rc, definition)


def _message(what: str, removed: Removed) -> str:
    if removed.deprecated:
        return f"{what} is deprecated and goes in Flask {removed.since}; use {removed.instead}"
    return f"{what} was removed in Flask {removed.since}; use {removed.instead}"


def _severity(removed: Removed) -> Severity | None:
    return Severity.WARNING if removed.deprecated else None


def _flask_ext(rc: RuleContext, node: ast.Import | ast.ImportFrom) -> Iterator[Finding]:
    """`from flask.ext.sqlalchemy import SQLAlchemy`: the `flask.ext` namespace went in 1.0."""
    names = (
        [node.module or ""] if isinstance(node, ast.ImportFrom) else [a.name for a in node.names]
    )
    if isinstance(node, ast.ImportFrom) and node.level:
        return
    for name in names:
        if name != "flask.ext" and not name.startswith("flask.ext."):
            continue
        extension = name.split(".")[2] if name.count(".") >= 2 else None
        instead = f"`{'flask_' + extension}`" if extension else "`flask_<name>`"
        message = (
            f"`{name}`: the `flask.ext` namespace was removed in Flask 1.0 "
            f"(ModuleNotFoundError); import {instead} directly"
        )
        span = rc.module.span(node)
        line = rc.module.source.line(span.start_line)
        col = line.find(name, span.start_col)
        fix = None
        if col >= 0:
            name_span = Span(span.start_line, col, span.start_line, col + len(name))
            if isinstance(node, ast.ImportFrom) and extension and name.count(".") == 2:
                new = f"flask_{extension}"
                fix = Fix(f"Import from `{new}`", (edits.replace(name_span, new),))
            span = name_span
        yield rc.finding(span, message, fix=fix)


def _import_from(rc: RuleContext, node: ast.ImportFrom) -> Iterator[Finding]:
    module = rc.module.names.absolute_module(node.module, node.level)
    if module != "flask" and not module.startswith("flask."):
        return
    for alias in node.names:
        canonical = rc.canonical(f"{module}.{alias.name}") or ""
        removed = NAMES.get(canonical)
        if removed is None:
            continue
        span = rc.module.span(alias)
        message = _message(f"`from {module} import {alias.name}`: `{alias.name}`", removed)
        yield rc.finding(
            span,
            message,
            fix=_reimport_fix(rc, node, alias, removed),
            severity=_severity(removed),
        )


def _reimport_fix(
    rc: RuleContext, node: ast.ImportFrom, moved: ast.alias, removed: Removed
) -> Fix | None:
    """`from flask import Flask, escape` -> `from flask import Flask` + `from markupsafe import escape`."""
    if removed.new_module is None:
        return None
    source = rc.module.source
    span = rc.module.span(node)
    before = source.line(span.start_line)[: span.start_col]
    after = source.line(span.end_line)[span.end_col :].strip()
    if before.strip() or (after and not after.startswith("#")):
        return None  # shares its line with other code
    newline = source.line_break()

    def text(alias: ast.alias) -> str:
        return f"{alias.name} as {alias.asname}" if alias.asname else alias.name

    kept = [alias for alias in node.names if alias is not moved]
    dots = "." * node.level
    lines = []
    if kept:
        lines.append(f"from {dots}{node.module or ''} import {', '.join(text(a) for a in kept)}")
    lines.append(f"from {removed.new_module} import {text(moved)}")
    new_text = (newline + before).join(lines)
    return Fix(
        f"Import `{moved.name}` from `{removed.new_module}`",
        (
            edits.replace(
                Span(span.start_line, span.start_col, span.end_line, span.end_col), new_text
            ),
        ),
    )


def _reexported_as(rc: RuleContext) -> frozenset[str]:
    """Other names the workspace's modules give a removed API: `from flask import escape as e`
    in `utils.py` makes `utils.e` one."""

    def compute() -> frozenset[str]:
        found = set()
        for facts in rc.workspace.modules.values():
            for name, (kind, target) in facts.exports.items():
                if kind != "import" or not target or name in _LAST_PARTS:
                    continue
                owner = target.rpartition(".")[0]
                if not (owner == "flask" or owner.startswith("flask.")) and (
                    rc.workspace.module(owner) is None
                ):
                    continue  # from a third-party or standard module: not a Flask name
                if (rc.workspace.canonical(target, facts.path) or "") in NAMES:
                    found.add(name)
        return frozenset(found)

    return rc.workspace.cached("fl506-reexported-as", compute, stable=True)


def _attribute(rc: RuleContext, node: ast.Attribute, may_be_removed: bool) -> Iterator[Finding]:
    if may_be_removed and isinstance(node.value, ast.Name | ast.Attribute):
        raw = rc.module.resolve(node)
        removed = NAMES.get(rc.canonical(raw) or "") if raw else None
        if removed is not None:
            text = rc.module.source.text_at(rc.module.span(node))
            yield rc.finding(
                rc.module.span(node), _message(f"`{text}`", removed), severity=_severity(removed)
            )
            return
    removed = APP_ATTRIBUTES.get(node.attr)
    if removed is None and node.attr in KNOWN_APP_ATTRIBUTES and _is_app(rc, node.value):
        removed = KNOWN_APP_ATTRIBUTES[node.attr]
    if removed is None or not _looks_like_app(rc, node.value):
        return
    if node.attr in _project_methods(rc) and not _is_app(rc, node.value):
        return  # a receiver of unknown type, and a class of the project defines the name
    receiver = rc.module.source.text_at(rc.module.span(node.value))
    span = rc.module.span(node)
    yield rc.finding(span, _message(f"`{receiver}.{node.attr}`", removed))


def _project_methods(rc: RuleContext) -> frozenset[str]:
    """Names of methods and properties that the workspace's own classes define (a Flask
    subclass may define `session_cookie_name` itself)."""

    def compute() -> frozenset[str]:
        return frozenset(
            info.name
            for facts in rc.workspace.modules.values()
            for info in facts.functions.values()
            if info.name in _APP_ATTRIBUTE_NAMES and "." in info.qualname and info.parent is None
        )

    return rc.workspace.cached("fl506-project-methods", compute, stable=True)


def _looks_like_app(rc: RuleContext, node: ast.expr) -> bool:
    """Flask's own attribute names are distinctive: any named receiver that is not Flask-less."""
    if not isinstance(node, ast.Name | ast.Attribute):
        return False
    raw = rc.module.resolve(node)
    if raw is None:
        return True  # a parameter or variable: `app`, `bp`, `self.app`
    canonical = rc.canonical(raw) or raw
    return canonical == "flask.current_app" or rc.workspace.definition(raw, rc.path) is not None


def _is_app(rc: RuleContext, node: ast.expr) -> bool:
    """A known Flask app: `Flask(...)` assigned in this module or imported, or `current_app`."""
    if isinstance(node, ast.Name):
        scope = rc.module.scope_at(node)
        value = rc.module.names.assigned_value(node.id, scope, node.lineno)
        if isinstance(value, ast.Call):
            callee = rc.module.resolve(value.func) or ""
            return callee.endswith("Flask")
    raw = rc.module.resolve(node) if isinstance(node, ast.Name | ast.Attribute) else None
    if raw is None:
        return False
    if rc.canonical(raw) == "flask.current_app":
        return True
    found = rc.workspace.definition(raw, rc.path)
    if found is None:
        return False
    module, binding = found
    return not binding.rest and binding.name in structure(module).app_vars


def _keywords(rc: RuleContext, node: ast.Call) -> Iterator[Finding]:
    raw = rc.module.resolve(node.func) if isinstance(node.func, ast.Name | ast.Attribute) else None
    renames = KEYWORDS.get(rc.canonical(raw) or "") if raw else None
    if not renames:
        return
    name = raw.rpartition(".")[2] if raw else ""
    for keyword in node.keywords:
        new = renames.get(keyword.arg or "")
        if new is None:
            continue
        span = rc.module.span(keyword)
        name_span = Span(
            span.start_line,
            span.start_col,
            span.start_line,
            span.start_col + len(keyword.arg or ""),
        )
        since = _KEYWORDS_SINCE[rc.canonical(raw or "") or ""]
        message = f"`{name}({keyword.arg}=...)` was removed in Flask {since}; use `{new}=`"
        fix = Fix(f"Rename to `{new}=`", (edits.replace(name_span, new),))
        yield rc.finding(name_span, message, fix=fix)


def _is_config(rc: RuleContext, node: ast.expr) -> bool:
    return isinstance(node, ast.Attribute) and node.attr == "config"


def _config_item(rc: RuleContext, node: ast.Subscript) -> Iterator[Finding]:
    """`app.config["JSON_SORT_KEYS"] = ...` (a store into a `.config`)."""
    key = node.slice
    if isinstance(key, ast.Constant) and isinstance(key.value, str):
        owner = node.value.value if isinstance(node.value, ast.Attribute) else None
        yield from _config_key(rc, key.value, rc.module.span(key), owner)


def _is_config_method(func: ast.expr) -> bool:
    """`<something>.config.<method>`"""
    return (
        isinstance(func, ast.Attribute)
        and isinstance(func.value, ast.Attribute)
        and func.value.attr == "config"
    )


def _config_call(rc: RuleContext, node: ast.Call) -> Iterator[Finding]:
    """`app.config.from_json(...)`, `app.config.update(JSON_SORT_KEYS=...)` (see
    `_is_config_method`)."""
    func = node.func
    assert isinstance(func, ast.Attribute) and isinstance(func.value, ast.Attribute)
    owner = func.value.value
    if func.attr == "from_json":
        removed = Removed("2.1", "`config.from_file(name, load=json.load)`")
        yield rc.finding(rc.module.span(func), _message("`config.from_json()`", removed))
    elif func.attr in ("update", "from_mapping"):
        for keyword in node.keywords:
            if keyword.arg:
                span = rc.module.span(keyword)
                name_span = Span(
                    span.start_line,
                    span.start_col,
                    span.start_line,
                    span.start_col + len(keyword.arg),
                )
                yield from _config_key(rc, keyword.arg, name_span, owner)


def _config_class(rc: RuleContext, node: ast.ClassDef) -> Iterator[Finding]:
    """`class Config: JSON_SORT_KEYS = False` (loaded with `from_object`), in a class whose name
    says config."""
    for statement in node.body:
        if isinstance(statement, ast.Assign):
            for target in statement.targets:
                if isinstance(target, ast.Name) and target.id in CONFIG_KEYS:
                    yield from _config_key(rc, target.id, rc.module.span(target), None)


def _config_key(rc: RuleContext, key: str, span: Span, owner: ast.expr | None) -> Iterator[Finding]:
    """`owner` is the object whose `.config` it is; `ENV` is only flagged on a known app."""
    if key in CONFIG_KEYS:
        message = (
            f"the `{key}` setting was removed in Flask 2.3 and is ignored; set "
            f"`{CONFIG_KEYS[key]}` instead"
        )
        yield rc.finding(span, message, severity=Severity.WARNING)
    elif key == "ENV" and owner is not None and _is_app(rc, owner):
        message = "the `ENV` setting was removed in Flask 2.3 and is ignored; use debug mode"
        yield rc.finding(span, message, severity=Severity.WARNING)


RULE = Rule(
    code="FL506",
    name="removed-flask-api",
    title="an API that Flask removed (1.0-3.0) or deprecated: the app breaks on upgrade",
    severity=Severity.ERROR,
    explanation=EXPLANATION,
    check=check,
    fixable=True,
    docs=("https://flask.palletsprojects.com/en/stable/changes/",),
)
