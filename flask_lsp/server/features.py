"""LSP handlers. Each is a few lines that hand over to the server or the analysis."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

from lsprotocol import types

from flask_lsp.engine.hover import hover_markdown

from .convert import SOURCE, code_action_for, noqa_action
from .server import SECTION, FlaskLanguageServer

log = logging.getLogger(__name__)


def _unwrap_settings(value: Any) -> Any:
    """Accept {"flask-lsp": {...}}, {"settings": {...}} or the settings themselves."""
    if isinstance(value, dict):
        for key in (SECTION, "flask_lsp", "flaskLsp", "settings"):
            if key in value and isinstance(value[key], dict):
                return _unwrap_settings(value[key])
    return value


def register(server: FlaskLanguageServer) -> None:
    from .routing_features import register_routing

    register_routing(server)

    @server.feature(types.INITIALIZE)
    def initialize(ls: FlaskLanguageServer, params: types.InitializeParams) -> None:
        options = _unwrap_settings(params.initialization_options)
        ls.client_settings = options if options not in (None, {}) else None
        ls.reload_settings()

    @server.feature(types.INITIALIZED)
    async def initialized(ls: FlaskLanguageServer, params: types.InitializedParams) -> None:
        await _watch_files(ls)
        await ls.index_workspace()
        ls.republish_all()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: FlaskLanguageServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: FlaskLanguageServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: FlaskLanguageServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    async def did_close(ls: FlaskLanguageServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        ls.snapshots.pop(uri, None)
        if not ls.client_pulls_diagnostics:
            ls.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(uri=uri, diagnostics=[])
            )
        path = ls.path_of(uri)
        # Back to the file on disk only for files of the workspace; others are forgotten.
        close = ls.project.close if ls.in_workspace(path) else ls.project.remove
        await _in_analysis(ls, close, path)

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    async def did_change_configuration(
        ls: FlaskLanguageServer, params: types.DidChangeConfigurationParams
    ) -> None:
        settings = _unwrap_settings(params.settings)
        if not isinstance(settings, dict) and ls.capability("workspace", "configuration"):
            try:
                answer = await ls.workspace_configuration_async(
                    types.ConfigurationParams(items=[types.ConfigurationItem(section=SECTION)])
                )
                settings = _unwrap_settings(answer[0] if answer else None)
            except Exception:
                log.info("the client did not answer workspace/configuration", exc_info=True)
        ls.client_settings = settings if isinstance(settings, dict) else ls.client_settings
        ls.reload_settings()
        ls.republish_all()

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    async def did_change_watched_files(
        ls: FlaskLanguageServer, params: types.DidChangeWatchedFilesParams
    ) -> None:
        settings_changed = False
        for change in params.changes:
            path = ls.path_of(change.uri)
            if path.endswith("pyproject.toml"):
                settings_changed = True
            elif path.endswith(".py"):
                await _in_analysis(
                    ls, ls.reload_path, path, change.type == types.FileChangeType.Deleted
                )
        if settings_changed:
            ls.reload_settings()
        ls.republish_all()

    @server.feature(
        types.TEXT_DOCUMENT_DIAGNOSTIC,
        types.DiagnosticOptions(
            identifier=SOURCE, inter_file_dependencies=True, workspace_diagnostics=False
        ),
    )
    async def diagnostic(
        ls: FlaskLanguageServer, params: types.DocumentDiagnosticParams
    ) -> types.DocumentDiagnosticReport:
        uri = params.text_document.uri
        snapshot = ls.snapshots.get(uri)
        document = ls.workspace.text_documents.get(uri)
        if snapshot is None or (document is not None and document.version != snapshot.version):
            snapshot = await ls.fresh_snapshot(uri)
        items = snapshot.diagnostics if snapshot is not None else []
        return types.RelatedFullDocumentDiagnosticReport(items=items)

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    def hover(ls: FlaskLanguageServer, params: types.HoverParams) -> types.Hover | None:
        snapshot = ls.snapshots.get(params.text_document.uri)
        if snapshot is None:
            return None
        source = snapshot.parsed.source
        line, col = ls.encoder.from_client(source, params.position)
        text = hover_markdown(snapshot.parsed, ls.project.workspace, snapshot.findings, line, col)
        if text is None:
            return None
        return types.Hover(contents=_markup(ls, text))

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(
            code_action_kinds=[types.CodeActionKind.QuickFix], resolve_provider=False
        ),
    )
    def code_action(
        ls: FlaskLanguageServer, params: types.CodeActionParams
    ) -> list[types.CodeAction] | None:
        uri = params.text_document.uri
        snapshot = ls.snapshots.get(uri)
        actions: list[types.CodeAction] = []
        for diagnostic in params.context.diagnostics:
            if diagnostic.source != SOURCE:
                continue
            diagnostic = _with_data(diagnostic, snapshot)
            action = code_action_for(diagnostic)
            if action is not None:
                actions.append(action)
            if snapshot is not None:
                source = snapshot.parsed.source
                line = diagnostic.range.start.line
                end = ls.encoder.to_client(source, line, len(source.line(line))).character
                actions.append(noqa_action(diagnostic, uri, source.line(line), end))
        if params.context.only is not None:
            wanted = {_kind(k) for k in params.context.only}
            actions = [a for a in actions if any(_kind(a.kind).startswith(w) for w in wanted)]
        return actions or None


def _kind(kind: object) -> str:
    """A code action kind as its wire value: str() of the enum is "CodeActionKind.QuickFix"."""
    return str(getattr(kind, "value", kind))


def _with_data(diagnostic: types.Diagnostic, snapshot: Any) -> types.Diagnostic:
    """Some clients drop `data`; find our own copy of the diagnostic by range and code."""
    if diagnostic.data is not None or snapshot is None:
        return diagnostic
    for ours in snapshot.diagnostics:
        if ours.range == diagnostic.range and ours.code == diagnostic.code:
            return ours  # type: ignore[no-any-return]
    return diagnostic


def _markup(ls: FlaskLanguageServer, text: str) -> types.MarkupContent:
    formats = ls.capability("text_document", "hover", "content_format") or [
        types.MarkupKind.Markdown
    ]
    if types.MarkupKind.Markdown in formats or not formats:
        return types.MarkupContent(kind=types.MarkupKind.Markdown, value=text)
    plain = text.replace("```python\n", "").replace("```", "").replace("**", "").replace("`", "")
    return types.MarkupContent(kind=types.MarkupKind.PlainText, value=plain)


async def _in_analysis(ls: FlaskLanguageServer, fn: Any, *args: Any) -> Any:
    return await asyncio.get_running_loop().run_in_executor(ls.analysis_executor, fn, *args)


async def _watch_files(ls: FlaskLanguageServer) -> None:
    if not ls.capability("workspace", "did_change_watched_files", "dynamic_registration"):
        return
    options = types.DidChangeWatchedFilesRegistrationOptions(
        watchers=[
            types.FileSystemWatcher(glob_pattern="**/*.py"),
            types.FileSystemWatcher(glob_pattern="**/pyproject.toml"),
        ]
    )
    try:
        await ls.client_register_capability_async(
            types.RegistrationParams(
                registrations=[
                    types.Registration(
                        id="flask-lsp-watch",
                        method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
                        register_options=options,
                    )
                ]
            )
        )
    except Exception:
        log.info("the client refused file watching", exc_info=True)
