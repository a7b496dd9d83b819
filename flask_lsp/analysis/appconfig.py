"""Configuration facts of one module: which Flask settings it sets, where, and from what.

Recorded (for the security rules, and across files for "is a SECRET_KEY configured anywhere?"):
- `app.config["KEY"] = v`, `app.config.update(KEY=v)` / `update({...})`, `from_mapping(...)`,
  `setdefault("KEY", v)`, `app.secret_key = v`, `app.debug = v`, `app.testing = v`;
- upper-case attributes of classes (`class ProductionConfig: SECRET_KEY = ...`) and module
  variables, in modules that import Flask or are named like a configuration module;
- loads we cannot see into: `from_object`, `from_pyfile`, `from_envvar`, `from_prefixed_env`,
  `from_file`, and `update`/`from_mapping` of a non-literal mapping.
Each value is classified: a literal, an environment read (`os.environ[...]`, `os.getenv(...)`),
an environment read with a literal fallback, or something else; and each place gets a profile:
"testing" (test modules, `TestingConfig`, `TESTING = True` alongside, `if test_config ...`),
"development" (`DevelopmentConfig`, `if app.debug: ...`) or "" (anything that may run in
production).
"""

from __future__ import annotations

import ast
import functools
import re
from dataclasses import dataclass, field
from pathlib import PurePath
from typing import TYPE_CHECKING, TypeGuard

from . import astwalk
from .findings import Span
from .incremental import splice
from .module import Marks
from .source import Mentions

if TYPE_CHECKING:
    from .module import ParsedModule

KNOWN_KEYS = frozenset(
    {
        "SECRET_KEY",
        "DEBUG",
        "TESTING",
        "SESSION_COOKIE_SECURE",
        "SESSION_COOKIE_HTTPONLY",
        "SESSION_COOKIE_SAMESITE",
        "WTF_CSRF_ENABLED",
    }
)
_APP_ATTRIBUTES = {"secret_key": "SECRET_KEY", "debug": "DEBUG", "testing": "TESTING"}
_EXTERNAL_LOADS = frozenset(
    {"from_object", "from_pyfile", "from_envvar", "from_prefixed_env", "from_file"}
)
# Everything recorded needs one of these words in the text (`.config`, a known key, `app.debug`,
# `Flask(...)`): most modules have none, and need no walk.
_WORDS_NEEDED = ("config", "Flask", *KNOWN_KEYS, *_APP_ATTRIBUTES)
# Words of identifiers: `DevelopmentConfig` -> Development, Config; `test_config` -> test, config.
_WORD = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|\d+")
_DEVELOPMENT_WORDS = frozenset({"dev", "develop", "development", "local", "debug"})
_CONFIG_MODULE = re.compile(r"config|settings|conf$", re.IGNORECASE)
_ENV_READS = frozenset({"os.environ.get", "os.getenv", "os.environ.setdefault"})

Literal = str | bytes | bool | int | float | None


@dataclass(frozen=True, slots=True)
class ConfigValue:
    key: str  # SECRET_KEY, DEBUG...
    kind: str  # literal | env | env_default | other
    value: Literal  # the literal, or the fallback literal of an env_default
    span: Span  # the value expression
    via: str  # for messages: "app.config[...]", "class ProductionConfig"...
    profile: str  # testing | development | ""
    env_name: str | None = None  # the environment variable read, when literal


@dataclass(frozen=True, slots=True)
class ConfigFacts:
    values: tuple[ConfigValue, ...] = ()
    external: tuple[Span, ...] = ()  # configuration loaded from places we cannot see
    uses_flask_session: bool = False  # Flask-Session (server-side sessions) is imported
    creates_app: bool = False  # `Flask(...)` is called here


NAME = "config"


def extract_config(module: ParsedModule) -> ConfigFacts:
    return _Extractor(module).run()


def replace_config(module: ParsedModule, previous: ParsedModule, index: int) -> ConfigFacts | None:
    return _Extractor(module).replace(previous, index)


def is_test_module(path: str) -> bool:
    pure = PurePath(path)
    name = pure.name
    if name == "conftest.py" or name.startswith("test_") or name.endswith("_test.py"):
        return True
    return pure.parent.name in ("tests", "test", "testing")


def is_app(module: ParsedModule, node: ast.AST) -> bool:
    """Is `node` (likely) a Flask application object: `app`, a `Flask(...)`, `current_app`?"""
    if isinstance(node, ast.Call):
        callee = module.resolve(node.func) or ""
        return callee.rpartition(".")[2] in ("Flask", "create_app", "make_app")
    if not isinstance(node, ast.Name):
        return False
    raw = module.resolve(node)
    if raw is not None:
        return raw.rpartition(".")[2] in ("app", "application", "current_app")
    value = module.names.assigned_value(node.id, module.scope_at(node), node.lineno)
    if isinstance(value, ast.Call):
        return is_app(module, value)
    binding = module.names.lookup(node.id, module.scope_at(node), node.lineno)
    return node.id in ("app", "application") and (binding is None or binding.kind != "param")


@dataclass
class _Frame:
    profile: str
    functions: list[str] = field(default_factory=list)


class _Extractor:
    def __init__(self, module: ParsedModule) -> None:
        self.module = module
        self.values: list[ConfigValue] = []
        self.external: list[Span] = []
        self.test_module = is_test_module(module.path)
        imports = [name for name, _ in module.facts.imports]
        self.flask_module = any(n == "flask" or n.startswith("flask.") for n in imports)
        self.config_module = (
            self.flask_module or bool(_CONFIG_MODULE.search(module.module_name.rpartition(".")[2]))
        ) and not any(n == "django" or n.startswith("django.") for n in imports)
        self.uses_flask_session = any(
            n == "flask_session" or n.startswith("flask_session.") for n in imports
        )
        self.creates_app = False
        # How `Flask` is spelled here: a call can only create an app under one of these.
        text = module.source.text
        self.flask_spellings = module.spellings_of("Flask") if "Flask" in text else set()

    @functools.cached_property
    def statement_lines(self) -> Mentions:
        """The lines with a word that something recorded needs (`Flask` maybe aliased)."""
        return self.module.mentions([*_WORDS_NEEDED, *self.flask_spellings])

    def switches(self) -> tuple[bool, ...]:
        """What this module's text and imports decide for every statement."""
        walk = any(word in self.module.source.text for word in _WORDS_NEEDED)
        return (walk, self.flask_module, self.config_module, self.uses_flask_session)

    def run(self) -> ConfigFacts:
        base = "testing" if self.test_module else ""
        marks = self.module.marks[NAME] = Marks(switches=self.switches())
        for statement in self.module.tree.body:
            before, self.creates_app = self.creates_app, False
            if marks.switches[0]:
                self._statement(statement, base, in_class=None)
            marks.extra.append(self.creates_app)  # this statement calls `Flask(...)`
            self.creates_app = before or self.creates_app
            marks.ends.append((len(self.values), len(self.external)))
        return ConfigFacts(
            tuple(self.values), tuple(self.external), self.uses_flask_session, self.creates_app
        )

    def replace(self, previous: ParsedModule, index: int) -> ConfigFacts | None:
        """`extract_config` when only top-level function `index` changed (see incremental.py)."""
        marks = previous.marks.get(NAME)
        old = previous.facts.extras.get(NAME)
        body = self.module.tree.body
        if not isinstance(old, ConfigFacts) or marks is None or len(marks.ends) != len(body):
            return None
        if self.switches() != marks.switches:
            return None
        if marks.switches[0]:
            base = "testing" if self.test_module else ""
            self._statement(body[index], base, in_class=None)
        parts, ends = splice(
            [list(old.values), list(old.external)], [self.values, self.external], marks, index
        )
        creates = [*marks.extra[:index], self.creates_app, *marks.extra[index + 1 :]]
        self.module.marks[NAME] = Marks(ends, [], creates, marks.switches)
        values, external = parts
        assert isinstance(values, list) and isinstance(external, list)
        return ConfigFacts(tuple(values), tuple(external), self.uses_flask_session, any(creates))

    # -- traversal ------------------------------------------------------------------------------

    def _block(self, statements: list[ast.stmt], profile: str, in_class: str | None) -> None:
        for statement in statements:
            self._statement(statement, profile, in_class)

    def _statement(self, node: ast.stmt, profile: str, in_class: str | None) -> None:
        if not self.statement_lines.within(node):
            return  # everything recorded needs one of the words in the statement's lines
        if isinstance(node, ast.ClassDef):
            self._block(node.body, _merge(profile, self._class_profile(node)), node.name)
            return
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            self._block(node.body, _merge(profile, self._function_profile(node)), None)
            return
        if isinstance(node, ast.If):
            # `if test_config:` marks its body; `if test_config is None:` its `else`.
            branch = _words_profile(self._text(node.test))
            body, orelse = (branch, "") if not _negated(node.test) else ("", branch)
            self._block(node.body, _merge(profile, body), in_class)
            self._block(node.orelse, _merge(profile, orelse), in_class)
            self._expressions(ast.Expr(value=node.test), profile)
            return
        if isinstance(node, ast.Assign | ast.AnnAssign):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            if node.value is not None:
                for target in targets:
                    self._assignment(target, node.value, profile, in_class)
        for field_name in astwalk.node_fields(type(node)):
            value = getattr(node, field_name, None)
            if isinstance(value, list) and value and isinstance(value[0], ast.stmt):
                self._block(value, profile, in_class)
            elif isinstance(value, list):
                for item in value:
                    if isinstance(item, ast.ExceptHandler | ast.match_case):
                        self._block(item.body, profile, in_class)
        self._expressions(node, profile)

    def _expressions(self, node: ast.AST, profile: str) -> None:
        """Calls in this statement's own expressions (not in nested statements)."""
        for call in astwalk.own_calls(node):
            self._call(call, profile)

    # -- what counts ---------------------------------------------------------------------------

    def _assignment(
        self, target: ast.expr, value: ast.expr, profile: str, in_class: str | None
    ) -> None:
        if isinstance(target, ast.Subscript) and _is_config(target.value):
            key = _string(target.slice)
            if key is None:
                self.external.append(self.module.span(target))
            elif key in KNOWN_KEYS:
                via = f"{self._text(target.value)}[{key!r}]"
                self._record(key, value, via, profile)
        elif isinstance(target, ast.Attribute) and target.attr in _APP_ATTRIBUTES:
            # `x.debug = True` is common outside Flask: only in Flask or config modules.
            if (target.attr == "secret_key" or self.config_module) and is_app(
                self.module, target.value
            ):
                self._record(_APP_ATTRIBUTES[target.attr], value, self._text(target), profile)
            elif target.attr == "secret_key":
                # `app.secret_key = key` on an object the model cannot place (a module global
                # set up elsewhere, a subclass): a key may be configured here.
                self.external.append(self.module.span(target))
        elif isinstance(target, ast.Name) and target.id in KNOWN_KEYS and self.config_module:
            via = f"class {in_class}" if in_class else "module variable"
            self._record(target.id, value, via, profile)

    def _call(self, call: ast.Call, profile: str) -> None:
        func = call.func
        if astwalk.last_name(func) in self.flask_spellings:
            raw = self.module.resolve(func) or ""
            if raw.rpartition(".")[2] == "Flask" and raw.startswith("flask"):
                self.creates_app = True
        if not (isinstance(func, ast.Attribute) and _is_config(func.value)):
            return
        if func.attr in _EXTERNAL_LOADS:
            self.external.append(self.module.span(call))
        elif func.attr in ("update", "from_mapping"):
            self._mapping_call(call, profile)
        elif func.attr == "setdefault" and len(call.args) == 2:
            key = _string(call.args[0])
            if key in KNOWN_KEYS:
                self._record(key, call.args[1], f"{self._text(func)}(...)", profile)

    def _mapping_call(self, call: ast.Call, profile: str) -> None:
        pairs: list[tuple[str, ast.expr]] = []
        for argument in call.args:
            if isinstance(argument, ast.Dict) and all(_string(k) for k in argument.keys):
                pairs += [
                    (_string(k) or "", v)
                    for k, v in zip(argument.keys, argument.values, strict=True)
                ]
            else:
                self.external.append(self.module.span(argument))
        for keyword in call.keywords:
            if keyword.arg is None:
                self.external.append(self.module.span(keyword.value))
            else:
                pairs.append((keyword.arg, keyword.value))
        if any(k == "TESTING" and _is_true(v) for k, v in pairs):
            profile = "testing"
        via = f"{self._text(call.func)}(...)"
        for key, value in pairs:
            if key in KNOWN_KEYS:
                self._record(key, value, via, profile)

    def _record(self, key: str, value: ast.expr, via: str, profile: str) -> None:
        kind, literal, env_name = self._classify(value)
        self.values.append(
            ConfigValue(key, kind, literal, self.module.span(value), via, profile, env_name)
        )

    def _classify(self, value: ast.expr) -> tuple[str, Literal, str | None]:
        if isinstance(value, ast.Constant) and _is_literal(value.value):
            return "literal", value.value, None
        if isinstance(value, ast.Subscript) and self.module.resolve(value.value) == "os.environ":
            return "env", None, _string(value.slice)
        if isinstance(value, ast.Call) and self.module.resolve(value.func) in _ENV_READS:
            name = _string(value.args[0]) if value.args else None
            default = value.args[1] if len(value.args) > 1 else None
            for keyword in value.keywords:
                if keyword.arg == "default":
                    default = keyword.value
            if (
                isinstance(default, ast.Constant)
                and default.value is not None
                and _is_literal(default.value)
            ):
                return "env_default", default.value, name
            return "env", None, name
        if isinstance(value, ast.BoolOp) and isinstance(value.op, ast.Or) and len(value.values) > 1:
            first_kind, _, name = self._classify(value.values[0])
            last = value.values[-1]
            if first_kind == "env" and isinstance(last, ast.Constant) and _is_literal(last.value):
                return "env_default", last.value, name
            return first_kind if first_kind == "env" else "other", None, name
        return "other", None, None

    # -- profiles ------------------------------------------------------------------------------

    def _class_profile(self, node: ast.ClassDef) -> str:
        if _words_profile(node.name) == "testing":
            return "testing"
        for statement in node.body:
            if (
                isinstance(statement, ast.Assign)
                and any(isinstance(t, ast.Name) and t.id == "TESTING" for t in statement.targets)
                and _is_true(statement.value)
            ):
                return "testing"
        return _words_profile(node.name)

    def _function_profile(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> str:
        decorators = " ".join(self._text(d) for d in node.decorator_list)
        if "fixture" in decorators:
            return "testing"
        return _words_profile(node.name)

    def _text(self, node: ast.AST) -> str:
        return self.module.source.text_at(self.module.span(node))


def _merge(outer: str, inner: str) -> str:
    return outer or inner


def _words_profile(text: str) -> str:
    """ "testing" / "development" from the words of a name or condition (CamelCase, snake_case)."""
    words = {w.lower() for w in _WORD.findall(text)}
    if any(w.startswith("test") for w in words):
        return "testing"
    return "development" if words & _DEVELOPMENT_WORDS else ""


def _negated(test: ast.expr) -> bool:
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        return True
    return (
        isinstance(test, ast.Compare)
        and len(test.ops) == 1
        and isinstance(test.ops[0], ast.Is | ast.Eq)
        and isinstance(test.comparators[0], ast.Constant)
        and test.comparators[0].value in (None, False)
    )


def _is_config(node: ast.AST) -> bool:
    return isinstance(node, ast.Attribute) and node.attr == "config"


def _string(node: ast.AST | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _is_true(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and node.value is True


def _is_literal(value: object) -> TypeGuard[Literal]:
    return value is None or isinstance(value, str | bytes | bool | int | float)
