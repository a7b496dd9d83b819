"""The guards the context analysis honours, on real Flask: outside any context an unbound
proxy is false (no RuntimeError), `has_request_context()` / `has_app_context()` are false, and
reading through the proxy raises."""

from __future__ import annotations

import pytest
from flask import (
    Flask,
    current_app,
    g,
    has_app_context,
    has_request_context,
    request,
    session,
)


def test_outside_any_context_the_proxies_are_false() -> None:
    assert not has_request_context() and not has_app_context()
    assert [bool(proxy) for proxy in (request, session, current_app, g)] == [False] * 4
    with pytest.raises(RuntimeError, match="outside of request context"):
        _ = request.args


def test_inside_a_request_they_are_true() -> None:
    app = Flask(__name__)
    with app.test_request_context("/?q=1"):
        assert has_request_context() and has_app_context()
        assert bool(request) and bool(current_app)
        assert request and request.args["q"] == "1"


def test_an_app_context_alone_proves_no_request() -> None:
    app = Flask(__name__)
    with app.app_context():
        assert has_app_context() and not has_request_context()
        assert bool(current_app) and not bool(request)
