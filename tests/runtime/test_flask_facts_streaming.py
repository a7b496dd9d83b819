"""FL106 on real Flask: each streamed generator of the positive fixture fails once the view has
returned, and the quick fix (`stream_with_context`) makes every one of them work."""

from __future__ import annotations

import types
from pathlib import Path

import pytest
from flask import Flask

from flask_lsp.engine.checker import check_text

from ..fixes import apply_fix

FIXTURE = Path(__file__).parent.parent / "rules" / "FL106" / "positive_streams.py"
URLS = ("/export?user=ada", "/hello", "/hello-status", "/report")


def _app(source: str, monkeypatch: pytest.MonkeyPatch) -> Flask:
    monkeypatch.setenv("SECRET_KEY", "a test key, not a secret")
    module = types.ModuleType("streams")
    exec(
        compile(source, str(FIXTURE), "exec"), module.__dict__
    )  # the test runs it, never flask-lsp
    app = module.app
    assert isinstance(app, Flask)
    return app


@pytest.mark.parametrize("url", URLS)
def test_the_stream_fails_outside_the_request_context(
    url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    client = _app(FIXTURE.read_text(encoding="utf-8"), monkeypatch).test_client()
    with pytest.raises(RuntimeError, match=r"Working outside of (request|application) context"):
        client.get(url).get_data()


def test_the_quick_fix_keeps_the_context_for_the_stream(monkeypatch: pytest.MonkeyPatch) -> None:
    text = FIXTURE.read_text(encoding="utf-8")
    assert len([f for f in check_text(text, str(FIXTURE)) if f.code == "FL106"]) == len(URLS)
    for _ in URLS:  # one fix at a time, as an editor applies them
        finding = next(f for f in check_text(text, str(FIXTURE)) if f.code == "FL106")
        text = apply_fix(text, finding)
    assert text.count("stream_with_context") == len(URLS) + 1  # each call, and one import
    client = _app(text, monkeypatch).test_client()
    assert client.get("/export?user=ada").get_data(as_text=True) == "ada\nada\n"
    assert client.get("/hello").get_data(as_text=True) == "hello stranger"
    assert client.get("/hello-status").status_code == 200
    assert client.get("/report").get_data(as_text=True) == "report/export"
    assert not [f for f in check_text(text, str(FIXTURE)) if f.code == "FL106"]
