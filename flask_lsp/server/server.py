"""The language server: document sync, diagnostics, hover, code actions, settings.

Every analysis runs on one worker thread (`_analysis`), so the workspace index has a single
writer; handlers on the event loop only read immutable snapshots of the last results, which is
why hover and code actions keep answering while a long analysis runs.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import os
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from lsprotocol import types
from pygls.uris import from_fs_path, to_fs_path

from flask_lsp import __version__
from flask_lsp.analysis.budget import AnalysisCancelled, AnalysisTimeout, Budget
from flask_lsp.analysis.findings import Finding
from flask_lsp.analysis.module import ParsedModule
from flask_lsp.config import Settings, find_pyproject, load_pyproject, settings_from_mapping
from flask_lsp.engine.checker import Project, carry_over

from .convert import to_diagnostic
from .hardening import HardenedLanguageServer
from .positions import Encoder

log = logging.getLogger(__name__)

SECTION = "flask-lsp"


@dataclass
class Snapshot:
    """The last analysis of one open document."""

    version: int | None
    parsed: ParsedModule
    findings: list[Finding]
    diagnostics: list[types.Diagnostic] = field(default_factory=list)


class FlaskLanguageServer(HardenedLanguageServer):
    def __init__(self) -> None:
        super().__init__("flask-lsp", __version__)
        self.project = Project()
        self.client_settings: dict[str, Any] | None = None
        self.snapshots: dict[str, Snapshot] = {}
        self.analysis_executor = ThreadPoolExecutor(
            max_workers=1, thread_name_prefix="flask-lsp-analysis"
        )
        self._pending: dict[str, asyncio.Task[None]] = {}
        self._dirty: set[str] = set()
        self._lens_generation = -1
        # The running analysis of each document: cancelled when a newer version arrives.
        self._budgets: dict[str, Budget] = {}
        self._timed_out: set[str] = set()  # documents already logged as over the time bound
        self.analysis_time_limit = analysis_time_limit()

    # -- helpers --------------------------------------------------------------------------------

    @property
    def encoder(self) -> Encoder:
        return Encoder(self.workspace.position_encoding)

    def path_of(self, uri: str) -> str:
        return to_fs_path(uri) or uri

    def uri_of(self, path: str) -> str:
        return from_fs_path(path) or path

    def tell(self, message: str, level: types.MessageType = types.MessageType.Warning) -> None:
        """A problem the user should see: a log line and a window message."""
        log.warning(message)
        self.window_log_message(types.LogMessageParams(type=level, message=message))
        self.window_show_message(
            types.ShowMessageParams(type=level, message=f"flask-lsp: {message}")
        )

    def workspace_roots(self) -> list[Path]:
        roots = [Path(self.path_of(f.uri)) for f in self.workspace.folders.values()]
        if not roots and self.workspace.root_path:
            roots = [Path(self.workspace.root_path)]
        return [r for r in roots if r.is_dir()]

    # -- settings -------------------------------------------------------------------------------

    def reload_settings(self) -> None:
        """pyproject.toml first, the editor's settings on top; every error told once, plainly."""
        settings = Settings()
        errors: list[str] = []
        for root in self.workspace_roots()[:1]:
            pyproject = find_pyproject(root)
            if pyproject is not None:
                loaded = load_pyproject(pyproject, settings)
                settings, errors = loaded.settings, errors + loaded.errors
        if self.client_settings is not None:
            loaded = settings_from_mapping(
                self.client_settings, "the editor's flask-lsp settings", settings
            )
            settings, errors = loaded.settings, errors + loaded.errors
        self.project.settings = settings
        for error in errors:
            self.tell(error)

    # -- analysis -------------------------------------------------------------------------------

    def schedule(self, uri: str) -> None:
        """Analyse `uri` soon; edits that arrive meanwhile collapse into one more run."""
        task = self._pending.get(uri)
        if task is not None and not task.done():
            self._dirty.add(uri)
            budget = self._budgets.get(uri)
            if budget is not None:
                budget.cancel()  # its result would be stale: stop it at the next checkpoint
            return
        self._pending[uri] = asyncio.ensure_future(self._analyse_loop(uri))

    async def fresh_snapshot(self, uri: str) -> Snapshot | None:
        """The analysis of the document as it is now (for pull diagnostics)."""
        self.schedule(uri)
        task = self._pending.get(uri)
        if task is not None:
            await asyncio.shield(task)
        return self.snapshots.get(uri)

    async def _analyse_loop(self, uri: str) -> None:
        loop = asyncio.get_running_loop()
        while True:
            self._dirty.discard(uri)
            # Open documents only: the editor's text, never a file read for an arbitrary URI.
            document = self.workspace.text_documents.get(unquote(uri))  # pygls' key
            if document is None:
                return
            text, version = document.source, document.version
            budget = self._budgets[uri] = Budget(self.analysis_time_limit, uri)
            try:
                snapshot = await loop.run_in_executor(
                    self.analysis_executor, budget.run, self._analyse, uri, text, version
                )
                self._timed_out.discard(uri)
            except AnalysisCancelled:
                snapshot = None  # a newer version is already queued
            except AnalysisTimeout:
                snapshot = None
                self.log_time_out(uri)
            except Exception:
                log.exception("analysis of %s failed; keeping the last diagnostics", uri)
                snapshot = None
            if snapshot is not None and uri not in self._dirty:
                self.publish(uri, snapshot)
            if uri in self._dirty:
                continue
            await self.refresh_others(uri)
            if uri not in self._dirty:
                return

    def _analyse(self, uri: str, text: str, version: int | None) -> Snapshot:
        path = self.path_of(uri)
        parsed = self.project.set_text(path, text, pinned=True)
        findings = self.project.findings(path)
        previous = self.snapshots.get(uri)
        if previous is not None and parsed.facts.broken:
            findings = carry_over(
                previous.findings, findings, parsed.facts.broken, len(parsed.source.lines)
            )
        return Snapshot(version, parsed, findings)

    def log_time_out(self, uri: str) -> None:
        """Once per document until it analyses in time again: keep the last diagnostics."""
        if uri in self._timed_out:
            return
        self._timed_out.add(uri)
        message = (
            f"analysis of {uri} took over {self.analysis_time_limit:g}s and was stopped; "
            "keeping its last diagnostics"
        )
        log.warning(message)
        self.window_log_message(
            types.LogMessageParams(type=types.MessageType.Warning, message=message)
        )

    def publish(self, uri: str, snapshot: Snapshot) -> None:
        current = self.workspace.text_documents.get(uri)
        if (
            current is not None
            and snapshot.version is not None
            and current.version != snapshot.version
        ):
            return  # stale: a newer edit is on its way
        snapshot.diagnostics = self.diagnostics_of(snapshot)
        self.snapshots[uri] = snapshot
        if not self.client_pulls_diagnostics:
            self.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(
                    uri=uri, version=snapshot.version, diagnostics=snapshot.diagnostics
                )
            )

    def diagnostics_of(self, snapshot: Snapshot) -> list[types.Diagnostic]:
        related = bool(
            self.capability("text_document", "publish_diagnostics", "related_information")
        )
        encoder = self.encoder
        return [
            to_diagnostic(f, snapshot.parsed.source, encoder, self.uri_of, related)
            for f in snapshot.findings
        ]

    async def refresh_others(self, changed_uri: str) -> None:
        """Findings in one file can depend on another (helpers, blueprints): re-check the open ones."""
        loop = asyncio.get_running_loop()
        for uri in list(self.workspace.text_documents):
            if uri == changed_uri or uri in self._dirty or uri not in self.snapshots:
                continue
            old = self.snapshots[uri]
            budget = Budget(self.analysis_time_limit, uri)
            try:
                findings = await loop.run_in_executor(
                    self.analysis_executor, budget.run, self.project.findings, self.path_of(uri)
                )
            except AnalysisTimeout:
                self.log_time_out(uri)
                continue
            except Exception:
                log.exception("re-checking %s failed", uri)
                continue
            if findings != old.findings:
                self.publish(uri, Snapshot(old.version, old.parsed, findings))
        if self.client_pulls_diagnostics and self.capability(
            "workspace", "diagnostics", "refresh_support"
        ):
            self.workspace_diagnostic_refresh(None)
        self._refresh_code_lenses()

    def _refresh_code_lenses(self) -> None:
        """Lenses show routes, which may be defined by other files: when the workspace's
        structure (routes, registrations, imports) changed, ask the client to re-request."""
        generation = self.project.workspace.structure_generation
        if generation == self._lens_generation:
            return
        self._lens_generation = generation
        if self.capability("workspace", "code_lens", "refresh_support"):
            self.workspace_code_lens_refresh(None)

    def republish_all(self) -> None:
        """Settings or the index changed: re-check every open document."""
        for uri in list(self.workspace.text_documents):
            self.schedule(uri)

    @property
    def client_pulls_diagnostics(self) -> bool:
        return self.capability("text_document", "diagnostic") is not None

    def capability(self, *path: str) -> Any:
        value: Any = self.client_capabilities
        for name in path:
            value = getattr(value, name, None)
            if value is None:
                return None
        return value

    # -- indexing -------------------------------------------------------------------------------

    async def index_workspace(self) -> None:
        roots = self.workspace_roots()
        if not roots:
            return
        token: str | None = None
        if self.capability("window", "work_done_progress"):
            token = f"flask-lsp-index-{uuid.uuid4().hex[:8]}"
            try:
                await self.work_done_progress.create_async(token)
                self.work_done_progress.begin(
                    token,
                    types.WorkDoneProgressBegin(
                        title="Flask LSP",
                        message="Indexing the workspace",
                        percentage=0,
                        cancellable=False,
                    ),
                )
            except Exception:
                token = None
        loop = asyncio.get_running_loop()
        state = {"last": -1}

        def progress(number: int, total: int, _: str) -> None:
            percent = number * 100 // max(total, 1)
            if token is not None and percent != state["last"] and percent % 5 == 0:
                state["last"] = percent
                message = f"{number}/{total} files"
                loop.call_soon_threadsafe(
                    lambda: self.work_done_progress.report(
                        token, types.WorkDoneProgressReport(message=message, percentage=percent)
                    )
                )

        try:
            files = await loop.run_in_executor(
                self.analysis_executor, self.project.index_paths, roots, progress
            )
            log.info("indexed %d files under %s", len(files), ", ".join(map(str, roots)))
        except Exception:
            log.exception("indexing the workspace failed")
            files = []
        # The index is long-lived: keep the cyclic GC from rescanning it on every edit (its
        # full collections were the slow 5% of edits). Objects still die by refcount.
        gc.freeze()
        if token is not None:
            self.work_done_progress.end(
                token, types.WorkDoneProgressEnd(message=f"Indexed {len(files)} files")
            )

    def in_workspace(self, path: str) -> bool:
        """Files the server may read from disk: those under a workspace folder."""
        real = os.path.realpath(path)
        return any(
            real == str(root) or real.startswith(str(root).rstrip(os.sep) + os.sep)
            for root in (r.resolve() for r in self.workspace_roots())
        )

    def reload_path(self, path: str, deleted: bool) -> None:
        """A file changed on disk (watched files): refresh the index unless the editor owns it."""
        if self.uri_of(path) in self.workspace.text_documents:
            return
        if not deleted and not self.in_workspace(path):
            log.warning("not reading %s: outside the workspace folders", path)
            return
        if deleted:
            self.project.remove(path)
        else:
            self.project.load_file(Path(path))


def analysis_time_limit() -> float:
    """Seconds one document's analysis may take (FLASK_LSP_TIME_LIMIT overrides the 10 s)."""
    try:
        return max(0.001, float(os.environ.get("FLASK_LSP_TIME_LIMIT", "10")))
    except ValueError:
        return 10.0


def create_server() -> FlaskLanguageServer:
    from . import features

    server = FlaskLanguageServer()
    features.register(server)
    return server
