"""Settings: `[tool.flask-lsp]` in pyproject.toml, LSP initializationOptions and
`workspace/didChangeConfiguration`. All three take the same keys:

    select   = ["FL"]         # rule-code prefixes to enable (default: the default set)
    ignore   = ["FL105"]      # rule-code prefixes to disable

A code prefix selects the rules of the default set under it; a rule of the opt-in group
`opinion` runs only when selected by its full code, by `"opinion"` or by `"ALL"`.
    exclude  = ["migrations"] # glob patterns of files and folders to skip
    severity = { FL402 = "warning" }  # per-rule severity override

A bad value never stops anything: it becomes one plain sentence in `errors`, and the rest of the
configuration still applies.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from flask_lsp.analysis.findings import Severity
from flask_lsp.rules.base import OPINION_GROUP
from flask_lsp.rules.registry import matches_any_rule

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

KEYS = ("select", "ignore", "exclude", "severity")
ALL = "ALL"
GROUP_SELECTORS = (ALL, OPINION_GROUP.upper())


@dataclass(frozen=True)
class Settings:
    select: tuple[str, ...] = ("FL",)
    ignore: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    severity: dict[str, Severity] = field(default_factory=dict)

    def enabled(self, code: str, opt_in: bool = False) -> bool:
        """A rule runs when its most specific matching selector selects it and no more specific
        one ignores it. Group selectors (`ALL`, `OPINION`) count as specific as `FL`."""
        selected = max((_reach(s, code, opt_in, True) for s in self.select), default=-1)
        ignored = max((_reach(s, code, opt_in, False) for s in self.ignore), default=-1)
        return selected > ignored

    def severity_for(self, code: str, default: Severity) -> Severity:
        return self.severity.get(code, default)


# Every rule, the opt-in group included (tests, fuzzing, `select = ["ALL"]`).
EVERY_RULE = Settings(select=("ALL",))


def _reach(selector: str, code: str, opt_in: bool, selecting: bool) -> int:
    """How specifically `selector` names the rule `code` (-1: not at all)."""
    if selector == ALL:
        return 2
    if selector in GROUP_SELECTORS:
        return 2 if opt_in else -1
    if not code.startswith(selector):
        return -1
    if opt_in and selecting and selector != code:
        return -1  # a prefix selects only the default set
    return len(selector)


@dataclass
class Loaded:
    settings: Settings
    errors: list[str]


def settings_from_mapping(data: Any, origin: str, base: Settings | None = None) -> Loaded:
    """Validate a mapping of settings key by key; bad keys are reported and skipped."""
    settings = base or Settings()
    errors: list[str] = []
    if data is None:
        return Loaded(settings, errors)
    if not isinstance(data, dict):
        return Loaded(settings, [f"{origin} must be a table of settings, not {_kind(data)}."])
    data = {str(k).replace("-", "_"): v for k, v in data.items()}
    for key in sorted(set(data) - set(KEYS)):
        errors.append(f"Unknown setting `{key}` in {origin}; known settings: {', '.join(KEYS)}.")
    if "select" in data:
        codes = _codes(data["select"], "select", origin, errors)
        if codes is not None:
            settings = replace(settings, select=codes)
    if "ignore" in data:
        codes = _codes(data["ignore"], "ignore", origin, errors)
        if codes is not None:
            settings = replace(settings, ignore=codes)
    if "exclude" in data:
        patterns = _strings(data["exclude"], "exclude", origin, errors)
        if patterns is not None:
            settings = replace(settings, exclude=tuple(patterns))
    if "severity" in data:
        settings = replace(settings, severity=_severities(data["severity"], origin, errors))
    return Loaded(settings, errors)


def _kind(value: Any) -> str:
    return {
        list: "a list",
        str: "a string",
        int: "a number",
        float: "a number",
        bool: "true/false",
    }.get(type(value), type(value).__name__)


def _strings(value: Any, key: str, origin: str, errors: list[str]) -> list[str] | None:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        errors.append(f"`{key}` in {origin} must be a list of strings, not {_kind(value)}.")
        return None
    return [v.strip() for v in value if v.strip()]


def _codes(value: Any, key: str, origin: str, errors: list[str]) -> tuple[str, ...] | None:
    items = _strings(value, key, origin, errors)
    if items is None:
        return None
    good = []
    for item in items:
        code = item.upper()
        if code in GROUP_SELECTORS or matches_any_rule(code):
            good.append(code)
        else:
            errors.append(
                f"Unknown rule code `{item}` in `{key}` ({origin}); run `flask-lsp explain --list` "
                f'to see the codes, or use "{OPINION_GROUP}" or "ALL".'
            )
    if items and not good:
        return None  # nothing usable: keep what was there rather than select nothing
    return tuple(good)


def _severities(value: Any, origin: str, errors: list[str]) -> dict[str, Severity]:
    if not isinstance(value, dict):
        errors.append(f'`severity` in {origin} must be a table like {{ FL402 = "warning" }}.')
        return {}
    result: dict[str, Severity] = {}
    for code, level in value.items():
        code_text = str(code).upper()
        if not matches_any_rule(code_text):
            errors.append(f"Unknown rule code `{code}` in `severity` ({origin}).")
            continue
        try:
            result[code_text] = Severity.parse(str(level))
        except ValueError as error:
            errors.append(f"`severity.{code}` in {origin}: {error}.")
    return result


def find_pyproject(start: Path) -> Path | None:
    """The nearest pyproject.toml at or above `start`."""
    folder = start if start.is_dir() else start.parent
    for candidate in [folder, *folder.parents]:
        path = candidate / "pyproject.toml"
        if path.is_file():
            return path
    return None


def load_pyproject(path: Path, base: Settings | None = None) -> Loaded:
    """Settings from `[tool.flask-lsp]`; a broken file is one sentence, not a traceback."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8", errors="replace"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        return Loaded(base or Settings(), [f"Could not read {path}: {error}."])
    tool = data.get("tool", {})
    table = tool.get("flask-lsp") if isinstance(tool, dict) else None
    return settings_from_mapping(table, f"[tool.flask-lsp] of {path}", base)
