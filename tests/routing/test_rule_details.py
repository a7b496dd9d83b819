"""Details the fixtures cannot express: severities and messages that follow Flask's behaviour."""

from __future__ import annotations

from pathlib import Path

import pytest

from flask_lsp.analysis.checker import check_text
from flask_lsp.analysis.findings import Severity

FL202 = Path(__file__).parent.parent / "rules" / "FL202" / "positive_no_slash.py"


@pytest.mark.parametrize(
    ("line", "severity"),
    [
        (9, Severity.ERROR),  # an app rule: Werkzeug raises
        (14, Severity.ERROR),  # a blueprint with no url_prefix: raises at registration
        (19, Severity.INFORMATION),  # under url_prefix="/api": Flask joins with "/"
        (32, Severity.INFORMATION),  # under url_prefix="": still joined with "/"
        (6, Severity.ERROR),  # url_prefix="shop": its rules become "shop/cart"
    ],
)
def test_fl202_is_an_error_only_where_flask_raises(line: int, severity: Severity) -> None:
    findings = check_text(FL202.read_text(encoding="utf-8"), str(FL202))
    (finding,) = [f for f in findings if f.code == "FL202" and f.span.start_line + 1 == line]
    assert finding.severity == severity


def test_fl207_explains_the_dropped_dot_in_an_app_level_view() -> None:
    source = (
        "from flask import Blueprint, Flask, url_for\n\n"
        "app = Flask(__name__)\nmain = Blueprint('main', __name__)\n\n\n"
        "@main.route('/')\ndef index():\n    return ''\n\n\n"
        "@app.route('/login')\ndef login():\n    return url_for('.index')\n\n\n"
        "app.register_blueprint(main)\n"
    )
    (finding,) = [f for f in check_text(source) if f.code == "FL207"]
    assert finding.message == (
        "no route has the endpoint `index` (`.index` resolves to `index` here): `url_for` raises "
        "`BuildError`; did you mean `main.index`?"
    )
