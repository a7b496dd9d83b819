"""The server as an editor sees it: diagnostics, hover, quick fixes, settings, noqa."""

from __future__ import annotations

import asyncio
from pathlib import Path

from lsprotocol import types
from pytest_lsp import LanguageClient

from .helpers import (
    codes,
    diagnostics_for,
    edit_range,
    hover_text,
    open_document,
    replace_text,
)

IMPORT_TIME = """\
from flask import Flask, current_app, request

app = Flask(__name__)

NAME = current_app.name
"""


async def test_open_publishes_diagnostics(client: LanguageClient, workspace: Path) -> None:
    uri = (workspace / "app.py").as_uri()
    await open_document(client, uri, IMPORT_TIME)
    found = await diagnostics_for(client, uri, lambda d: len(d) > 0)
    assert codes(found) == ["FL102"]
    (diagnostic,) = found
    assert diagnostic.source == "flask-lsp"
    assert diagnostic.range == types.Range(
        start=types.Position(line=4, character=7), end=types.Position(line=4, character=18)
    )


async def test_change_updates_diagnostics(client: LanguageClient, workspace: Path) -> None:
    uri = (workspace / "app.py").as_uri()
    await open_document(client, uri, IMPORT_TIME)
    await diagnostics_for(client, uri, lambda d: codes(d) == ["FL102"])
    await replace_text(client, uri, IMPORT_TIME + "ARGS = request.args\n")
    found = await diagnostics_for(client, uri, lambda d: len(d) == 2)
    assert codes(found) == ["FL101", "FL102"]


async def test_hover_on_finding_explains_the_rule(client: LanguageClient, workspace: Path) -> None:
    uri = (workspace / "app.py").as_uri()
    await open_document(client, uri, IMPORT_TIME)
    await diagnostics_for(client, uri, lambda d: len(d) > 0)
    text = await hover_text(client, uri, line=4, character=10)
    assert "FL102" in text
    assert "Working outside of application context" in text


async def test_hover_on_proxy_says_whether_context_is_active(
    client: LanguageClient, workspace: Path
) -> None:
    uri = (workspace / "app.py").as_uri()
    text = IMPORT_TIME + "\n\n@app.route('/')\ndef index():\n    return request.args.get('q')\n"
    await open_document(client, uri, text)
    await diagnostics_for(client, uri, lambda d: len(d) > 0)
    text = await hover_text(client, uri, line=9, character=12)
    assert "Active here" in text
    assert "inside view `index`, registered by `@app.route('/')`" in text


async def test_quick_fix_wraps_in_app_context(client: LanguageClient, workspace: Path) -> None:
    uri = (workspace / "app.py").as_uri()
    await open_document(client, uri, IMPORT_TIME)
    (diagnostic,) = await diagnostics_for(client, uri, lambda d: len(d) > 0)
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=diagnostic.range,
            context=types.CodeActionContext(diagnostics=[diagnostic]),
        )
    )
    assert actions is not None
    fix = next(a for a in actions if isinstance(a, types.CodeAction) and "app_context" in a.title)
    assert fix.kind == types.CodeActionKind.QuickFix
    assert list(fix.diagnostics or []) == [diagnostic]
    assert fix.edit is not None and fix.edit.changes is not None
    (edit,) = fix.edit.changes[uri]
    assert edit.new_text == "with app.app_context():\n    NAME = current_app.name"


async def test_syntax_error_keeps_the_rest(client: LanguageClient, workspace: Path) -> None:
    uri = (workspace / "app.py").as_uri()
    await open_document(client, uri, IMPORT_TIME)
    await diagnostics_for(client, uri, lambda d: codes(d) == ["FL102"])
    broken = IMPORT_TIME + "\ndef half_typed(:\n    request.\n\nARGS = request.args\n"
    await replace_text(client, uri, broken)
    found = await diagnostics_for(client, uri, lambda d: len(d) == 2)
    assert codes(found) == ["FL101", "FL102"]


async def test_noqa_silences_a_line(client: LanguageClient, workspace: Path) -> None:
    uri = (workspace / "app.py").as_uri()
    text = IMPORT_TIME.replace("current_app.name", "current_app.name  # noqa: FL102")
    text += "ARGS = request.args\n"
    await open_document(client, uri, text)
    found = await diagnostics_for(client, uri, lambda d: len(d) > 0)
    assert codes(found) == ["FL101"]


async def test_utf16_positions_after_emoji(client: LanguageClient, workspace: Path) -> None:
    uri = (workspace / "app.py").as_uri()
    text = IMPORT_TIME.replace("NAME = current_app.name", 'NAME = ("🐍🐍", current_app.name)')
    await open_document(client, uri, text)
    (diagnostic,) = await diagnostics_for(client, uri, lambda d: len(d) > 0)
    # Each snake is two UTF-16 code units: `NAME = ("🐍🐍", ` is 14 code points, 16 units.
    assert diagnostic.range.start == types.Position(line=4, character=16)
    assert diagnostic.range.end == types.Position(line=4, character=27)


async def test_configuration_change_applies(client: LanguageClient, workspace: Path) -> None:
    uri = (workspace / "app.py").as_uri()
    await open_document(client, uri, IMPORT_TIME + "ARGS = request.args\n")
    await diagnostics_for(client, uri, lambda d: len(d) == 2)
    client.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(settings={"flask-lsp": {"ignore": ["FL101"]}})
    )
    found = await diagnostics_for(client, uri, lambda d: codes(d) == ["FL102"])
    assert codes(found) == ["FL102"]


async def test_bad_setting_is_one_plain_message(client: LanguageClient, workspace: Path) -> None:
    uri = (workspace / "app.py").as_uri()
    await open_document(client, uri, IMPORT_TIME)
    await diagnostics_for(client, uri, lambda d: len(d) > 0)
    client.workspace_did_change_configuration(
        types.DidChangeConfigurationParams(
            settings={"flask-lsp": {"select": ["FL999"], "ignore": ["FL102"]}}
        )
    )
    # The valid half of the settings still applies...
    await diagnostics_for(client, uri, lambda d: d == [])
    # ...and the bad half is one sentence in a window message.
    messages = [m.message for m in client.messages]
    assert any("Unknown rule code `FL999`" in m for m in messages), messages
    assert not any("Traceback" in m for m in messages)


async def test_pull_diagnostics(client: LanguageClient, workspace: Path) -> None:
    uri = (workspace / "app.py").as_uri()
    await open_document(client, uri, IMPORT_TIME)
    report = await client.text_document_diagnostic_async(
        types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri=uri))
    )
    assert isinstance(report, types.RelatedFullDocumentDiagnosticReport)
    assert codes(report.items) == ["FL102"]


async def test_broken_region_keeps_its_last_good_diagnostics(
    client: LanguageClient, workspace: Path
) -> None:
    uri = (workspace / "app.py").as_uri()
    text = IMPORT_TIME + "ARGS = request.args\n"
    await open_document(client, uri, text)
    await diagnostics_for(client, uri, lambda d: len(d) == 2)
    # Typing on the FL102 line breaks it; the finding stays until the line parses again.
    await replace_text(client, uri, text.replace("current_app.name", "current_app.name + (", 1))
    await asyncio.sleep(0.3)
    found = await diagnostics_for(client, uri, lambda d: len(d) == 2)
    assert codes(found) == ["FL101", "FL102"]


THREAD_TARGET = """\
from threading import Thread
from flask import Flask, request

app = Flask(__name__)
NAME = request.path


def work():
    return 1


@app.route("/")
def index():
    Thread(target=work).start()
    return "ok"
"""


async def type_at(client: LanguageClient, uri: str, line: int, column: int, text: str) -> None:
    """Type `text` one character at a time, as an editor sends it (incremental sync)."""
    for offset, char in enumerate(text):
        at = types.Position(line=line, character=column + offset)
        await edit_range(client, uri, types.Range(start=at, end=at), char)


async def test_typing_in_a_thread_target_updates_the_finding_at_the_thread_start(
    client: LanguageClient, workspace: Path
) -> None:
    """Typing inside one function is analysed incrementally; a change that matters to another
    statement (the thread that runs it) still reaches that statement's findings."""
    uri = (workspace / "threads.py").as_uri()
    await open_document(client, uri, THREAD_TARGET)
    await diagnostics_for(client, uri, lambda d: codes(d) == ["FL101"])
    await type_at(client, uri, 8, len("    return 1"), "; x = request.args")
    found = await diagnostics_for(client, uri, lambda d: codes(d) == ["FL101", "FL104"])
    (thread,) = [d for d in found if d.code == "FL104"]
    assert thread.range.start.line == 13  # at `Thread(target=work)`, not in `work`
    # Rubbed out one character at a time, from the end: the finding goes with the use.
    typed = "; x = request.args"
    for remaining in range(len(typed), 0, -1):
        start = types.Position(line=8, character=len("    return 1") + remaining - 1)
        end = types.Position(line=8, character=start.character + 1)
        await edit_range(client, uri, types.Range(start=start, end=end), "")
    await diagnostics_for(client, uri, lambda d: codes(d) == ["FL101"])
