"""The one entry point both front ends call: files in, findings out.

`Project` keeps a `Workspace` index of every file and a small cache of parsed modules (the open
documents are pinned in it); `findings()` runs the enabled rules over one module and applies
per-rule severities and `# noqa` comments.
"""

from __future__ import annotations

import logging
import re
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from flask_lsp.analysis.budget import checkpoint
from flask_lsp.analysis.findings import Finding
from flask_lsp.analysis.incremental import same_to_others
from flask_lsp.analysis.module import ParsedModule
from flask_lsp.analysis.source import first_line, read_source
from flask_lsp.analysis.strict import reraise_if_strict
from flask_lsp.analysis.workspace import Workspace, iter_python_files
from flask_lsp.config import EVERY_RULE, Settings

if TYPE_CHECKING:
    from flask_lsp.rules.base import Rule

log = logging.getLogger(__name__)


def all_rules() -> tuple[Rule, ...]:
    from flask_lsp.rules.registry import all_rules as registered

    return registered()


_NOQA = re.compile(r"#\s*noqa(?::\s*(?P<codes>[A-Z]+[0-9]+(?:\s*,?\s*[A-Z]+[0-9]+)*))?", re.I)
_PARSED_CACHE_SIZE = 64


class Project:
    def __init__(self, settings: Settings | None = None, keep_parsed_lines: int = 0) -> None:
        """`keep_parsed_lines`: beyond the last 64 modules, keep parsed modules (ASTs) up to
        this many source lines, so that a batch check parses each file once (~1.4 KB each)."""
        self.settings = settings or Settings()
        self.workspace = Workspace()
        self.keep_parsed_lines = keep_parsed_lines
        self._parsed: OrderedDict[str, ParsedModule] = OrderedDict()
        self._parsed_lines = 0
        self._open_texts: dict[str, str] = {}
        # Per path, the last findings, the module, workspace generation and settings they are
        # for: an edit inside one function re-checks that function only (see `findings`).
        self._last: dict[str, tuple[ParsedModule, int, Settings, list[Finding]]] = {}

    # -- feeding it -----------------------------------------------------------------------------

    def set_text(self, path: str, text: str, pinned: bool = False) -> ParsedModule:
        """Index `text` as `path` (an open editor buffer when `pinned`)."""
        if pinned:
            self._open_texts[path] = text
        parsed = self.workspace.update(path, text, previous=self._parsed.get(path))
        if parsed is None:
            cached = self._parsed.get(path)
            if cached is not None:
                self._parsed.move_to_end(path)
                return cached
            parsed = self.workspace.index(path, text)
        self._remember(path, parsed)
        return parsed

    def close(self, path: str) -> None:
        """An editor closed `path`: go back to the file on disk (or forget it if gone)."""
        self._open_texts.pop(path, None)
        self._last.pop(path, None)
        self._forget(path)
        if not self.load_file(Path(path)):
            self.workspace.remove(path)

    def load_file(self, path: Path) -> bool:
        try:
            text = read_source(path)
        except OSError as error:
            log.info("skipping %s: %s", path, error)
            return False
        self.set_text(str(path), text)
        return True

    def remove(self, path: str) -> None:
        self._open_texts.pop(path, None)
        self._last.pop(path, None)
        self._forget(path)
        self.workspace.remove(path)

    def index_paths(
        self, roots: Iterable[Path], progress: Callable[[int, int, str], None] | None = None
    ) -> list[str]:
        """Index every Python file under `roots`; returns their paths."""
        files = self.python_files(roots)
        indexed = []
        for number, path in enumerate(files, 1):
            if progress is not None:
                progress(number, len(files), str(path))
            if str(path) in self._open_texts or self.load_file(path):
                indexed.append(str(path))
        return indexed

    def python_files(self, roots: Iterable[Path]) -> list[Path]:
        """The Python files under `roots` that the settings do not exclude."""
        return list(iter_python_files(roots, self.settings.exclude))

    def _remember(self, path: str, parsed: ParsedModule) -> None:
        self._forget(path)
        self._parsed[path] = parsed
        self._parsed_lines += len(parsed.source.lines)
        while (
            len(self._parsed) > _PARSED_CACHE_SIZE + len(self._open_texts)
            and self._parsed_lines > self.keep_parsed_lines
        ):
            oldest = next(p for p in self._parsed if p not in self._open_texts)
            self._forget(oldest)

    def _forget(self, path: str) -> None:
        old = self._parsed.pop(path, None)
        if old is not None:
            self._parsed_lines -= len(old.source.lines)

    def parsed(self, path: str) -> ParsedModule | None:
        cached = self._parsed.get(path)
        if cached is not None:
            return cached
        text = self._open_texts.get(path)
        if text is None:
            try:
                text = read_source(Path(path))
            except OSError:
                return None
        parsed = self.workspace.reparse(path, text)
        self._remember(path, parsed)
        return parsed

    # -- findings -------------------------------------------------------------------------------

    def findings(self, path: str) -> list[Finding]:
        parsed = self.parsed(path)
        if parsed is None:
            return []
        found = self._findings_after_one_function(parsed)
        if found is None:
            found = check_module(parsed, self.workspace, self.settings)
        if path in self._open_texts:
            self._last[path] = (parsed, self.workspace.generation, self.settings, found)
        return found

    def _findings_after_one_function(self, parsed: ParsedModule) -> list[Finding] | None:
        """The findings of `parsed`, from those of its previous version, when the only change
        since is one top-level function that shows the rest of the workspace what it showed
        before (`same_to_others`): the findings of every other statement stand, and that
        function is checked alone. (So a rule must judge a statement from its own nodes and
        what the facts, names and workspace say of the rest; tests/test_incremental_analysis.py
        holds every rule to that.)"""
        if parsed.derived_from is None:
            return None
        previous, index = parsed.derived_from
        last = self._last.get(parsed.path)
        if last is None or last[0] is not previous or last[2] is not self.settings:
            return None
        if self.workspace.generation != last[1] + 1:
            return None  # another file changed as well
        if not same_to_others(previous, parsed, index):
            return None
        statement = previous.tree.body[index]
        first = first_line(statement)
        last_line = (statement.end_lineno or statement.lineno) - 1

        def inside(finding: Finding) -> bool:
            return first <= finding.span.start_line <= last_line

        def reaches_in(finding: Finding) -> bool:
            """Does a finding elsewhere show or edit the function's lines (a fix that wraps
            the rest of the module, a related place)?"""
            spans = [e.span for e in (finding.fix.edits if finding.fix else ()) if e.path is None]
            spans += [r.span for r in finding.related if r.path == parsed.path]
            return any(s.start_line <= last_line and s.end_line >= first for s in spans)

        kept = [f for f in last[3] if not inside(f)]
        if any(reaches_in(f) for f in kept):
            return None
        fresh = check_module(parsed.only_statement(index), self.workspace, self.settings)
        return sorted([*kept, *(f for f in fresh if inside(f))], key=lambda f: f.sort_key)


def check_module(parsed: ParsedModule, workspace: Workspace, settings: Settings) -> list[Finding]:
    """The findings of the enabled rules on `parsed`."""
    from flask_lsp.rules.base import RuleContext

    found: dict[tuple[object, ...], Finding] = {}
    for rule in _enabled_rules(settings):
        checkpoint()
        try:
            for finding in rule.check(RuleContext(parsed, workspace, rule)):
                checkpoint()
                key = (finding.code, finding.span, finding.message)
                found.setdefault(key, finding)
        except Exception as error:  # a rule's bug must cost one rule, never the whole file
            reraise_if_strict(error)
            log.exception("rule %s failed on %s", rule.code, parsed.path)
    results = []
    for finding in found.values():
        if _suppressed(parsed.source.line(finding.span.start_line), finding.code):
            continue
        severity = settings.severity_for(finding.code, finding.severity)
        results.append(
            replace(finding, severity=severity) if severity != finding.severity else finding
        )
    results.sort(key=lambda f: f.sort_key)
    return results


_LAST_ENABLED: list[tuple[Settings, tuple[Rule, ...]]] = []


def _enabled_rules(settings: Settings) -> tuple[Rule, ...]:
    """The rules `settings` enable, worked out once per settings (not per module)."""
    if _LAST_ENABLED and _LAST_ENABLED[0][0] is settings:
        return _LAST_ENABLED[0][1]
    rules = tuple(rule for rule in all_rules() if settings.enabled(rule.code, rule.opt_in))
    _LAST_ENABLED[:] = [(settings, rules)]
    return rules


def _suppressed(line: str, code: str) -> bool:
    if "noqa" not in line.lower():
        return False
    match = _NOQA.search(line)
    if match is None:
        return False
    codes = match.group("codes")
    if not codes:
        return True
    return any(code.startswith(c.upper()) for c in re.split(r"[\s,]+", codes) if c)


def check_text(
    text: str, path: str = "example.py", settings: Settings | None = None
) -> list[Finding]:
    """Analyse one piece of source on its own (tests, the `explain` examples, fuzzing), with
    every rule unless `settings` say otherwise."""
    project = Project(settings or EVERY_RULE)
    project.set_text(path, text, pinned=True)
    return project.findings(path)


def carry_over(
    previous: list[Finding], current: list[Finding], broken: list[tuple[int, int]], line_count: int
) -> list[Finding]:
    """Keep the last good findings for regions that no longer parse (mid-typing)."""

    def in_broken(finding: Finding) -> bool:
        line = finding.span.start_line
        return any(start <= line <= end for start, end in broken)

    kept = [f for f in previous if in_broken(f) and f.span.end_line < line_count]
    fresh = [f for f in current if not in_broken(f)]
    return sorted(fresh + kept, key=lambda f: f.sort_key)
