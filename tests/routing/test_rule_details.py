"""Details the fixtures cannot express: severities and messages that follow Flask's behaviour."""

from __future__ import annotations

from pathlib import Path

import pytest

from flask_lsp.analysis.findings import Severity
from flask_lsp.engine.checker import check_text

FL202 = Path(__file__).parent.parent / "rules" / "FL202" / "positive_no_slash.py"


@pytest.mark.parametrize(
    ("line", "severity"),
    [
        (9, Severity.ERROR),  # an app rule: Werkzeug raises
        (14, Severity.ERROR),  # a blueprint with no url_prefix: raises at registration
        (6, Severity.ERROR),  # url_prefix="shop": its rules become "shop/cart"
    ],
)
def test_fl202_fires_only_where_flask_raises(line: int, severity: Severity) -> None:
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


TWO_SHOPS = (
    "from flask import Blueprint, Flask, url_for\n\n"
    "app = Flask(__name__)\nshop = Blueprint('shop', __name__)\n"
    "shoq = Blueprint('shoq', __name__)\n\n\n"
    "@shop.route('/cart')\ndef cart():\n    return ''\n\n\n"
    "@shoq.route('/carts')\ndef carts():\n    return ''\n\n\n"
    "@app.route('/')\ndef home():\n    return url_for('shop.cartt')\n\n\n"
    "app.register_blueprint(shop)\napp.register_blueprint(shoq)\n"
)


@pytest.mark.parametrize(
    ("spell_check_all", "suggested"),
    [
        (2000, "`shop.cart` or `shoq.carts`"),  # a small map: spelling against every endpoint
        (1, "`shop.cart`"),  # a large one: against the same blueprint's (linear checks)
    ],
)
def test_fl207_did_you_mean_in_small_and_large_maps(
    monkeypatch: pytest.MonkeyPatch, spell_check_all: int, suggested: str
) -> None:
    from flask_lsp.analysis import routes

    monkeypatch.setattr(routes, "_SPELL_CHECK_ALL", spell_check_all)
    (finding,) = [f for f in check_text(TWO_SHOPS) if f.code == "FL207"]
    assert finding.message.endswith(f"did you mean {suggested}?"), finding.message
