"""FL3xx/FL4xx through the server: a fix with an import edit, and a workspace-wide rule."""

from __future__ import annotations

from pathlib import Path

from lsprotocol import types
from pytest_lsp import LanguageClient

from .helpers import codes, diagnostics_for, open_document

DUMPS_VIEW = """\
import json

from flask import Flask

app = Flask(__name__)


@app.get("/items")
def items():
    data = {"ok": True}
    return json.dumps(data)
"""

SESSION_VIEW = """\
from flask import Flask, session

app = Flask(__name__)


@app.post("/login")
def login():
    session["user"] = "ada"
    return "ok"
"""


async def test_fl306_quick_fix_returns_jsonify_and_imports_it(
    client: LanguageClient, workspace: Path
) -> None:
    uri = (workspace / "app.py").as_uri()
    await open_document(client, uri, DUMPS_VIEW)
    (diagnostic,) = await diagnostics_for(client, uri, lambda d: codes(d) == ["FL306"])
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=diagnostic.range,
            context=types.CodeActionContext(diagnostics=[diagnostic]),
        )
    )
    assert actions is not None
    fix = next(a for a in actions if isinstance(a, types.CodeAction) and "jsonify" in a.title)
    assert fix.edit is not None and fix.edit.changes is not None
    new_texts = sorted(edit.new_text for edit in fix.edit.changes[uri])
    assert new_texts == ["from flask import jsonify\n", "jsonify(data)"]


async def test_fl404_goes_away_when_another_file_configures_a_key(
    client: LanguageClient, workspace: Path
) -> None:
    app_uri = (workspace / "app.py").as_uri()
    await open_document(client, app_uri, SESSION_VIEW)
    await diagnostics_for(client, app_uri, lambda d: codes(d) == ["FL404"])
    settings_uri = (workspace / "settings.py").as_uri()
    await open_document(
        client, settings_uri, 'import os\n\n\nclass Config:\n    SECRET_KEY = os.environ["KEY"]\n'
    )
    await diagnostics_for(client, app_uri, lambda d: codes(d) == [])
