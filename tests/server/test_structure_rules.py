"""FL501 in the editor: editing one file changes another file's diagnostics, with the cycle
in the related information."""

from __future__ import annotations

from pathlib import Path

from lsprotocol import types
from pytest_lsp import LanguageClient

from .helpers import codes, diagnostics_for, open_document, replace_text

APP_BOTTOM = "from flask import Flask\n\napp = Flask(__name__)\n\nimport blog_views  # noqa\n"
APP_TOP = "from flask import Flask\n\nimport blog_views  # noqa\n\napp = Flask(__name__)\n"
VIEWS = "from blog_app import app\n\n\n@app.route('/')\ndef index():\n    return 'hi'\n"


async def test_moving_an_import_above_the_app_reports_the_cycle_in_the_other_file(
    client: LanguageClient, workspace: Path
) -> None:
    app_uri = (workspace / "blog_app.py").as_uri()
    views_uri = (workspace / "blog_views.py").as_uri()
    await open_document(client, app_uri, APP_BOTTOM)
    await open_document(client, views_uri, VIEWS)
    await diagnostics_for(client, views_uri, lambda d: d == [])

    await replace_text(client, app_uri, APP_TOP)
    found = await diagnostics_for(client, views_uri, lambda d: len(d) == 1)
    assert codes(found) == ["FL501"]
    diagnostic = found[0]
    assert diagnostic.severity == types.DiagnosticSeverity.Error
    assert diagnostic.range.start.line == 0
    related = diagnostic.related_information or []
    assert [(r.location.uri, r.location.range.start.line) for r in related] == [
        (app_uri, 2),  # `import blog_views`, before...
        (app_uri, 4),  # ...`app = Flask(__name__)`
    ]

    await replace_text(client, app_uri, APP_BOTTOM)
    await diagnostics_for(client, views_uri, lambda d: d == [])
