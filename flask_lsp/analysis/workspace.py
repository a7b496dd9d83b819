"""The workspace index: every module's facts, and the links between them.

Per-file facts are computed once per content (see `Workspace.update`); everything that crosses
files (re-exports, helpers judged by their callers, later routes and blueprints) is derived
lazily from the facts and memoised until the next change.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from . import contexts as cx
from .findings import Related, Span
from .inference import infer_import
from .module import FunctionInfo, ImportSite, ModuleFacts, ParsedModule, parse_module
from .resolver import Definition, Resolved, locate

# Folders never worth analysing.
DEFAULT_EXCLUDES = frozenset(
    {
        ".venv",
        "venv",
        "site-packages",
        "node_modules",
        ".git",
        "__pycache__",
        ".tox",
        ".nox",
        ".mypy_cache",
        ".ruff_cache",
        ".pytest_cache",
        "build",
        "dist",
        ".eggs",
    }
)
T = TypeVar("T")
_MAX_CHAIN = 8  # helpers deeper than this are not followed (and not flagged)


@dataclass(frozen=True, slots=True)
class Need:
    """A context a function needs, and the chain of places that shows why."""

    kind: str  # request | app | url_for
    proxy: str  # the proxy at the end of the chain
    chain: tuple[Related, ...]


def module_name_for(path: Path) -> tuple[str, bool]:
    """Dotted module name as Python would import it: packages are folders with `__init__.py`."""
    path = path.resolve() if not path.is_absolute() else path
    is_package = path.name == "__init__.py"
    parts = [] if is_package else [path.stem]
    folder = path.parent
    while (folder / "__init__.py").exists() and folder.parent != folder:
        parts.insert(0, folder.name)
        folder = folder.parent
    return ".".join(parts) or path.stem, is_package


def iter_python_files(paths: Iterable[Path], excludes: Iterable[str] = ()) -> Iterator[Path]:
    """Every `.py` file under `paths`, skipping virtualenvs and excluded globs; no symlink loops."""
    from fnmatch import fnmatch

    patterns = list(excludes)

    def excluded(candidate: Path) -> bool:
        text = candidate.as_posix()
        return any(
            fnmatch(text, p) or fnmatch(candidate.name, p) or fnmatch(text, f"*/{p}")
            for p in patterns
        )

    seen: set[tuple[int, int]] = set()
    for root in paths:
        if root.is_file():
            if not excluded(root):
                yield root
            continue
        real_root = os.path.realpath(root)
        for folder, dirnames, filenames in os.walk(root, followlinks=True):
            try:
                stat = os.stat(folder)
            except OSError:
                dirnames[:] = []
                continue
            if (stat.st_dev, stat.st_ino) in seen:
                dirnames[:] = []  # a symlink loop: been here already
                continue
            seen.add((stat.st_dev, stat.st_ino))
            if not _inside(os.path.realpath(folder), real_root):
                dirnames[:] = []  # a symlink out of the workspace: not ours to read
                continue
            base = Path(folder)
            dirnames[:] = sorted(
                d
                for d in dirnames
                if d not in DEFAULT_EXCLUDES
                and not d.endswith(".egg-info")
                and not excluded(base / d)
            )
            for name in sorted(filenames):
                if not name.endswith(".py") or excluded(base / name):
                    continue
                if os.path.islink(base / name) and not _inside(
                    os.path.realpath(base / name), real_root
                ):
                    continue
                yield base / name


def _inside(path: str, root: str) -> bool:
    return path == root or path.startswith(root.rstrip(os.sep) + os.sep)


class Workspace:
    """All modules of a project, keyed by path."""

    def __init__(self) -> None:
        self.modules: dict[str, ModuleFacts] = {}
        self._by_name: dict[str, list[ModuleFacts]] = {}
        self._hashes: dict[str, str] = {}
        self.generation = 0
        # Two memos: `_memo` is cleared on every change; `_stable` (what follows only from
        # imports, exports and definitions) survives edits that leave those alone, which is
        # most keystrokes.
        self._memo: dict[object, object] = {}
        self._stable: dict[object, object] = {}
        self._signatures: dict[str, object] = {}
        # Bumped when imports, exports or extras (routes...) change anywhere.
        self.structure_generation = 0

    # -- updates --------------------------------------------------------------------------------

    def update(
        self,
        path: str,
        text: str,
        module_name: str | None = None,
        is_package: bool | None = None,
        previous: ParsedModule | None = None,
    ) -> ParsedModule | None:
        """Index `text` as the content of `path`; returns the parsed module, or None if unchanged.

        `previous`, the module as last parsed, lets an edit inside one statement re-parse less.
        """
        digest = _digest(text)
        if self._hashes.get(path) == digest:
            return None
        return self.index(path, text, module_name, is_package, digest, previous)

    def reparse(self, path: str, text: str) -> ParsedModule:
        """Parse `path` again for its AST (a cache let it go).

        When `text` is what was indexed, the index is left alone: the new module shares the
        indexed facts, and the workspace-wide memos (`canonical`, `needs`...) stay valid.
        """
        facts = self.modules.get(path)
        digest = _digest(text)
        if facts is None or self._hashes.get(path) != digest:
            return self.index(path, text, digest=digest)
        parsed = parse_module(path, facts.module_name, text, facts.is_package, extract=False)
        parsed.facts = facts
        return parsed

    def index(
        self,
        path: str,
        text: str,
        module_name: str | None = None,
        is_package: bool | None = None,
        digest: str | None = None,
        previous: ParsedModule | None = None,
    ) -> ParsedModule:
        if module_name is None or is_package is None:
            guessed, package = module_name_for(Path(path))
            module_name = module_name or guessed
            is_package = package if is_package is None else is_package
        parsed = parse_module(path, module_name, text, is_package, previous)
        _reuse_equal_extras(self.modules.get(path), parsed.facts)
        old_signature = self._signatures.get(path)
        self.remove(path, bump=False)
        self.modules[path] = parsed.facts
        self._by_name.setdefault(module_name, []).append(parsed.facts)
        self._hashes[path] = digest or ""
        self._signatures[path] = signature = _structure(parsed.facts)
        self._changed(structure=signature != old_signature)
        return parsed

    def add_facts(self, path: str, facts: ModuleFacts, digest: str) -> None:
        """Index facts computed elsewhere (by another process of a parallel check)."""
        _reuse_equal_extras(self.modules.get(path), facts)
        old_signature = self._signatures.get(path)
        self.remove(path, bump=False)
        self.modules[path] = facts
        self._by_name.setdefault(facts.module_name, []).append(facts)
        self._hashes[path] = digest
        self._signatures[path] = signature = _structure(facts)
        self._changed(structure=signature != old_signature)

    def digest_of(self, path: str) -> str:
        return self._hashes.get(path, "")

    def remove(self, path: str, bump: bool = True) -> None:
        old = self.modules.pop(path, None)
        self._hashes.pop(path, None)
        self._signatures.pop(path, None)
        if old is not None:
            same = self._by_name.get(old.module_name, [])
            same[:] = [m for m in same if m.path != path]
            if not same:
                self._by_name.pop(old.module_name, None)
        if bump:
            self._changed()

    def _changed(self, structure: bool = True) -> None:
        self.generation += 1
        self._memo.clear()
        if structure:
            self.structure_generation += 1
            self._stable.clear()

    def cached(self, key: object, compute: Callable[[], T], stable: bool = False) -> T:
        """Memoise a workspace-wide derivation until the next change.

        `stable=True` for derivations that read only imports, exports, definitions and
        `extras` (the route map, the import graph): they survive edits that leave all of
        those alone, which is most keystrokes.
        """
        memo = self._stable if stable else self._memo
        if key not in memo:
            memo[key] = compute()
        return memo[key]  # type: ignore[return-value]

    # -- lookups --------------------------------------------------------------------------------

    def module(self, name: str, near: str | None = None) -> ModuleFacts | None:
        """The module called `name`; with several candidates, the one closest to `near`.

        Also `a.b.c` when `b/` is a namespace folder (no `__init__.py`) inside a package: the
        index names that module by the path below the folder (`c`, or `b.c`).
        """
        candidates = self._by_name.get(name)
        if not candidates:
            return self._in_namespace_folder(name, near) if "." in name else None
        if len(candidates) == 1 or near is None:
            return candidates[0]
        key = ("module", name, near)
        found = self._memo.get(key)
        if found is None:
            found = self._memo[key] = max(
                candidates, key=lambda m: len(os.path.commonpath([m.path, near]))
            )
        return found  # type: ignore[return-value]

    def _in_namespace_folder(self, name: str, near: str | None) -> ModuleFacts | None:
        parts = name.split(".")
        tail = "/" + "/".join(parts) + ".py"
        for start in range(1, len(parts)):
            for candidate in self._by_name.get(".".join(parts[start:]), ()):
                if candidate.path.replace("\\", "/").endswith(tail):
                    return candidate
        return None

    def locate(self, raw: str, near: str | None = None) -> Resolved:
        """Where the raw qualified name `raw`, written in the module at `near`, is defined:
        the workspace's one resolver (see resolver.py)."""
        key = ("locate", raw, near)
        if key not in self._stable:
            self._stable[key] = locate(self.module, raw, near)
        return self._stable[key]  # type: ignore[return-value]

    def definition(
        self, raw: str, near: str | None = None
    ) -> tuple[ModuleFacts, Definition] | None:
        """The workspace module whose top level binds what `raw` names, and that binding."""
        found = self.locate(raw, near)
        if not isinstance(found, Definition):
            return None
        module = self.modules.get(found.path)
        return (module, found) if module is not None else None

    def canonical(self, raw: str, near: str | None = None) -> str | None:
        """The qualified name of what `raw` names: a def or class of the workspace, or a name
        outside it.

        `flask.globals.request` and a `request` re-exported by `myapp/compat.py` both become
        `flask.request`. Returns None for a name that leads nowhere we know, or to a value
        (an assignment) rather than a definition.
        """
        key = ("canonical", raw, near)
        if key not in self._stable:
            self._stable[key] = self._canonical(raw, near)
        return self._stable[key]  # type: ignore[return-value]

    def _canonical(self, raw: str, near: str | None) -> str | None:
        found = self.locate(raw, near)
        if isinstance(found, Definition):
            if found.kind in ("def", "class") and found.target:
                return ".".join([found.target, *found.rest])
            return None
        if found is None:
            return None
        name = found.qualname
        if name == "flask" or name.startswith("flask."):
            return _flask_canonical(name)
        parts = name.split(".")
        if len(parts) >= 2 and parts[-1] in cx.PROXY_NAMES and parts[0] not in _STDLIB:
            # Not ours and not Flask's: ask jedi (statically, bounded, cached).
            inferred = infer_import(".".join(parts[:-1]), parts[-1])
            if inferred:
                return _flask_canonical(inferred)
        return name

    def function(
        self, qualname: str, near: str | None = None
    ) -> tuple[ModuleFacts, FunctionInfo] | None:
        """The function called `qualname`; with same-named modules, the one closest to `near`."""
        key = ("function", qualname, near)
        if key not in self._memo:
            self._memo[key] = self._find_function(qualname, near)
        return self._memo[key]  # type: ignore[return-value]

    def _find_function(
        self, qualname: str, near: str | None
    ) -> tuple[ModuleFacts, FunctionInfo] | None:
        head = qualname.split(".<locals>.")[0]
        parts = head.split(".")
        for cut in range(len(parts) - 1, 0, -1):
            module = self.module(".".join(parts[:cut]), near)
            if module is not None:
                info = module.functions.get(qualname)
                return (module, info) if info is not None else None
        return None

    def resolve_function(self, raw: str, near: str) -> tuple[ModuleFacts, FunctionInfo] | None:
        found = self.function(raw, near)
        if found is not None:
            return found
        canonical = self.canonical(raw, near)
        return self.function(canonical, near) if canonical and canonical != raw else None

    @property
    def server_name_configured(self) -> bool:
        return self.cached(
            "server_name_configured",
            lambda: any(m.mentions_server_name for m in self.modules.values()),
        )

    # -- module code judged by its importers ---------------------------------------------------

    def import_context(self, path: str) -> cx.ExecContext:
        """The context a module's top-level code runs in: that of whoever imports it.

        A module nobody in the workspace imports is an entry point when it looks like one (a
        top-level module, the app module, a script, a test): its top level runs with no context. One imported at the top of another module
        inherits that module's import context; one imported inside a function runs where that
        function runs. As with helpers, the worst known importer decides, and a module imported
        only from code of unknown context is not judged at all.
        """
        key = ("import_context", path)
        if key not in self._stable:
            self._stable[key] = cx.UNKNOWN  # an import cycle leads back here: no verdict on it
            self._stable[key] = self._import_context(path)
        return self._stable[key]  # type: ignore[return-value]

    def context_at(
        self, path: str, ctx: cx.ExecContext, function: str | None, pushed: frozenset[str]
    ) -> cx.ExecContext:
        """The context at a recorded place, with module-level code judged by its importers."""
        if function is None and not pushed and ctx.app is False and ctx.request is False:
            return self.import_context(path)
        return ctx

    def _import_context(self, path: str) -> cx.ExecContext:
        module = self.modules.get(path)
        if module is None:
            return cx.UNKNOWN
        if any(name.startswith("alembic.context") for name, _ in module.imports):
            return cx.in_app_only(
                "in an Alembic migration script, which Flask-Migrate runs inside an app context"
            )
        sites = self._importers().get(module.module_name, [])
        if not sites:
            # Nobody imports it: run directly (a script, the app module, a test) or loaded by
            # name at run time (a plugin), which we cannot see. Judge only the first kind.
            top_level = "." not in module.module_name
            if top_level or module.looks_like_entry_point:
                return cx.at_import_time()
            return cx.UNKNOWN
        known: list[cx.ExecContext] = []
        for importer, site in sites:
            if importer.path == path:
                continue
            if site.function is None and not site.pushed:
                outer = self.import_context(importer.path)
                ctx = _imported_by(outer, importer, site)
            else:
                ctx = site.ctx
            if ctx.known:
                known.append(ctx)
        for ctx in known:
            if ctx.app is False or ctx.request is False:
                return ctx
        return known[0] if known else cx.UNKNOWN

    def _importers(self) -> dict[str, list[tuple[ModuleFacts, ImportSite]]]:
        """Module name -> the import statements that run it (a package runs before its modules)."""
        key = "importers"
        if key not in self._stable:
            self._stable[key] = self._build_importers()
        return self._stable[key]  # type: ignore[return-value]

    def _build_importers(self) -> dict[str, list[tuple[ModuleFacts, ImportSite]]]:
        found: dict[str, list[tuple[ModuleFacts, ImportSite]]] = {}
        for module in self.modules.values():
            for site in module.import_sites:
                parts = site.name.split(".")
                for cut in range(1, len(parts) + 1):
                    name = ".".join(parts[:cut])
                    # A package's own submodules never run it first: they run after it.
                    inside = module.module_name.startswith(name + ".")
                    if name in self._by_name and name != module.module_name and not inside:
                        found.setdefault(name, []).append((module, site))
        return found

    # -- helpers judged by their callers ----------------------------------------------------------

    def needs(self, qualname: str, near: str | None = None) -> tuple[Need, ...]:
        """The contexts `qualname` needs from whoever calls it, with a witness chain each.

        Only the uses its own body cannot vouch for count: a use inside `with app.app_context()`
        needs no app context from the caller, and a registered view needs nothing from anyone.
        """
        return self._needs(qualname, near, frozenset(), ignore_own_context=False)

    def body_needs(self, qualname: str, near: str | None = None) -> tuple[Need, ...]:
        """Like `needs`, ignoring how the function itself is registered (for thread targets)."""
        return self._needs(qualname, near, frozenset(), ignore_own_context=True)

    def _needs(
        self, qualname: str, near: str | None, stack: frozenset[str], ignore_own_context: bool
    ) -> tuple[Need, ...]:
        key = ("needs", qualname, near, ignore_own_context)
        if key in self._memo:
            return self._memo[key]  # type: ignore[return-value]
        if qualname in stack or len(stack) > _MAX_CHAIN:
            return ()
        found = self.function(qualname, near)
        if found is None:
            return ()
        module, info = found
        if info.ctx.known and not ignore_own_context:
            self._memo[key] = ()
            return ()
        result: dict[str, Need] = {}
        for use in module.uses:
            if use.function != qualname:
                continue
            kind = cx.PROXIES.get(self.canonical(use.raw, module.path) or "", None)
            if kind and kind not in result and not _pushed_covers(use.pushed, kind):
                step = Related(module.path, use.span, f"`{info.name}` uses `{use.proxy}` here")
                result[kind] = Need(kind, use.proxy, (step,))
        inner_stack = stack | {qualname}
        for call in module.calls:
            if call.function != qualname:
                continue
            callee = self.resolve_function(call.raw, module.path)
            if callee is None:
                continue
            for need in self._needs(callee[1].qualname, callee[0].path, inner_stack, False):
                if need.kind in result or _pushed_covers(call.pushed, need.kind):
                    continue
                step = Related(
                    module.path, call.span, f"`{info.name}` calls `{callee[1].name}` here"
                )
                result[need.kind] = Need(need.kind, need.proxy, (step, *need.chain))
        needs = tuple(result.values())
        self._memo[key] = needs
        return needs


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


def _structure(facts: ModuleFacts) -> object:
    """What the stable memo depends on: imports, exports, entry-point hints, extras.

    (Module facts are looked up afresh by path wherever a stable entry is used, so an edit
    that changes only function bodies can keep them.)
    """
    return (
        facts.module_name,
        tuple(sorted(facts.exports.items())),
        tuple(facts.star_imports),
        tuple((s.name, s.span.start_line, s.ctx, s.pushed, s.function) for s in facts.import_sites),
        facts.looks_like_entry_point,
        tuple(n for n, _ in facts.imports if n.startswith("alembic")),
        tuple(
            (name, key() if (key := getattr(value, "structure_key", None)) else value)
            for name, value in sorted(facts.extras.items(), key=lambda item: item[0])
        ),
    )


def _reuse_equal_extras(old: ModuleFacts | None, new: ModuleFacts) -> None:
    """Keep the previous `extras` objects when an edit left them equal.

    Stable derivations (the route map) hold on to these very objects, and rules find their
    own module's entries in them by identity; reusing them keeps both valid without a rebuild.
    """
    if old is None:
        return
    for name, value in new.extras.items():
        previous = old.extras.get(name)
        if previous is None:
            continue
        if previous == value:
            new.extras[name] = previous
        elif (reusing := getattr(value, "reusing", None)) is not None:
            new.extras[name] = reusing(previous) or value


def _imported_by(outer: cx.ExecContext, importer: ModuleFacts, site: ImportSite) -> cx.ExecContext:
    if outer.app is False and outer.request is False:
        line = site.span.start_line + 1
        return cx.at_import_time(
            f"at import time (`{importer.module_name}` imports this module at its top level, "
            f"line {line})"
        )
    return outer


def _pushed_covers(pushed: frozenset[str], kind: str) -> bool:
    if kind == "request":
        return "request" in pushed
    return "app" in pushed or "request" in pushed


_FLASK_ALIASES = {
    "flask.globals": "flask",
    "flask.helpers": "flask",
    "flask.ctx": "flask",
    "flask.app": "flask",
    "flask.blueprints": "flask",
    "flask.sansio.app": "flask",
    "flask.sansio.blueprints": "flask",
    "flask.sansio.scaffold": "flask",
    "flask.wrappers": "flask",
    "flask.templating": "flask",
}


def _flask_canonical(raw: str) -> str:
    module, _, name = raw.rpartition(".")
    return f"{_FLASK_ALIASES.get(module, module)}.{name}" if module else raw


_STDLIB = frozenset(__import__("sys").stdlib_module_names)


def span_key(span: Span) -> tuple[int, int, int, int]:
    return (span.start_line, span.start_col, span.end_line, span.end_col)
