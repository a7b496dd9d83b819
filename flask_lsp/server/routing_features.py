"""LSP handlers for the route map: completion in `url_for`, definition, references, code
lenses and workspace symbols. Each handler converts positions and hands over to
`flask_lsp.analysis.route_features`; the work runs on the analysis thread (the single
reader/writer of the workspace index)."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from typing import TypeVar

from lsprotocol import types

from flask_lsp.analysis import route_features as rf
from flask_lsp.analysis.findings import Span
from flask_lsp.analysis.source import SourceText

from .server import FlaskLanguageServer

log = logging.getLogger(__name__)
T = TypeVar("T")


async def _run(ls: FlaskLanguageServer, fn: Callable[[], list[T]]) -> list[T]:
    try:
        return await asyncio.get_running_loop().run_in_executor(ls.analysis_executor, fn)
    except Exception:
        log.exception("a routing feature failed")
        return []


def _source(ls: FlaskLanguageServer, uri: str) -> SourceText | None:
    snapshot = ls.snapshots.get(uri)
    if snapshot is not None:
        return snapshot.parsed.source
    try:
        return SourceText(ls.workspace.get_text_document(uri).source)
    except Exception:
        return None


def _cursor(
    ls: FlaskLanguageServer, uri: str, position: types.Position
) -> tuple[str, int, int] | None:
    """(path, line, code-point column) of a client position, or None for an unknown document."""
    source = _source(ls, uri)
    if source is None:
        return None
    line, col = ls.encoder.from_client(source, position)
    return ls.path_of(uri), line, col


def _range(ls: FlaskLanguageServer, path: str, span: Span) -> types.Range:
    source = _source(ls, ls.uri_of(path))
    if source is not None:
        return ls.encoder.range(source, span)
    return types.Range(
        start=types.Position(line=span.start_line, character=span.start_col),
        end=types.Position(line=span.end_line, character=span.end_col),
    )


def _location(ls: FlaskLanguageServer, place: rf.Place) -> types.Location:
    return types.Location(uri=ls.uri_of(place.path), range=_range(ls, place.path, place.span))


def _enclosing_function(
    ls: FlaskLanguageServer, path: str, source: SourceText, line: int
) -> str | None:
    module = ls.project.workspace.modules.get(path)
    if module is None:
        return None
    text = source.line(line)
    indent = len(text) - len(text.lstrip())
    best: tuple[int, str] | None = None
    for info in module.functions.values():
        start = info.span.start_line
        if start < line and len(info.indent) < indent and (best is None or start > best[0]):
            best = (start, info.qualname)
    return best[1] if best else None


def register_routing(server: FlaskLanguageServer) -> None:
    @server.feature(
        types.TEXT_DOCUMENT_COMPLETION,
        types.CompletionOptions(trigger_characters=["'", '"', ".", ",", " "]),
    )
    async def completion(
        ls: FlaskLanguageServer, params: types.CompletionParams
    ) -> types.CompletionList | None:
        uri = params.text_document.uri
        try:
            document = ls.workspace.get_text_document(uri)
        except Exception:
            return None
        source = SourceText(document.source)
        line, col = ls.encoder.from_client(source, params.position)
        path = ls.path_of(uri)

        def compute() -> rf.Completions:
            function = _enclosing_function(ls, path, source, line)
            above = tuple(source.line(i) for i in range(max(0, line - 5), line))
            return rf.completions(
                ls.project.workspace, path, source.line(line), line, col, function, above
            )

        try:
            found = await asyncio.get_running_loop().run_in_executor(ls.analysis_executor, compute)
        except Exception:
            log.exception("completion failed")
            return None
        if not found.items:
            return None
        items = []
        for index, item in enumerate(found.items):
            kind = (
                types.CompletionItemKind.Reference
                if item.kind == "endpoint"
                else types.CompletionItemKind.Variable
            )
            items.append(
                types.CompletionItem(
                    label=item.label,
                    kind=kind,
                    detail=item.detail,
                    documentation=item.documentation or None,
                    sort_text=f"{index:05d}",
                    text_edit=types.TextEdit(
                        range=ls.encoder.range(source, item.replace), new_text=item.insert_text
                    ),
                )
            )
        return types.CompletionList(is_incomplete=found.incomplete, items=items)

    @server.feature(types.TEXT_DOCUMENT_DEFINITION)
    async def definition(
        ls: FlaskLanguageServer, params: types.DefinitionParams
    ) -> list[types.Location] | None:
        where = _cursor(ls, params.text_document.uri, params.position)
        if where is None:
            return None
        path, line, col = where
        places = await _run(ls, lambda: rf.definition(ls.project.workspace, path, line, col))
        return [_location(ls, p) for p in places] or None

    @server.feature(types.TEXT_DOCUMENT_REFERENCES)
    async def references(
        ls: FlaskLanguageServer, params: types.ReferenceParams
    ) -> list[types.Location] | None:
        where = _cursor(ls, params.text_document.uri, params.position)
        if where is None:
            return None
        path, line, col = where
        include = params.context.include_declaration
        places = await _run(
            ls, lambda: rf.references(ls.project.workspace, path, line, col, include)
        )
        return [_location(ls, p) for p in places] or None

    @server.feature(types.TEXT_DOCUMENT_CODE_LENS)
    async def code_lens(
        ls: FlaskLanguageServer, params: types.CodeLensParams
    ) -> list[types.CodeLens] | None:
        uri = params.text_document.uri
        path = ls.path_of(uri)
        lenses = await _run(ls, lambda: rf.code_lenses(ls.project.workspace, path))
        result = []
        for lens in lenses:
            line = lens.span.start_line
            rng = types.Range(
                start=types.Position(line=line, character=0),
                end=types.Position(line=line, character=0),
            )
            result.append(
                types.CodeLens(range=rng, command=types.Command(title=lens.title, command=""))
            )
        return result or None

    @server.feature(types.WORKSPACE_SYMBOL)
    async def workspace_symbol(
        ls: FlaskLanguageServer, params: types.WorkspaceSymbolParams
    ) -> list[types.SymbolInformation] | None:
        symbols = await _run(ls, lambda: rf.route_symbols(ls.project.workspace, params.query))
        return [
            types.SymbolInformation(
                name=s.name,
                kind=types.SymbolKind.Function,
                location=_location(ls, s.place),
                container_name=s.container,
            )
            for s in symbols
        ] or None
