"""A rule that raises fails the tests (strict mode, on for the suite) but costs users only that
rule's findings."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest

from flask_lsp.analysis.findings import Finding
from flask_lsp.analysis.strict import ENVIRONMENT_VARIABLE
from flask_lsp.engine import checker
from flask_lsp.engine.checker import check_text
from flask_lsp.rules.base import RuleContext
from flask_lsp.rules.registry import all_rules

APP = "from flask import Flask\n\napp = Flask(__name__)\napp.app_context()\n"


def _broken(rc: RuleContext) -> Iterator[Finding]:
    raise ValueError("a bug in a rule")
    yield  # pragma: no cover


@pytest.fixture
def broken_rule(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    rules = tuple(
        replace(rule, check=_broken) if rule.code == "FL105" else rule for rule in all_rules()
    )
    monkeypatch.setattr(checker, "all_rules", lambda: rules)
    checker._LAST_ENABLED.clear()  # the enabled rules are cached per settings object
    yield
    checker._LAST_ENABLED.clear()


def test_the_suite_runs_in_strict_mode() -> None:
    import os

    assert os.environ.get(ENVIRONMENT_VARIABLE) == "1"


@pytest.mark.usefixtures("broken_rule")
def test_in_strict_mode_a_raising_rule_fails() -> None:
    with pytest.raises(ValueError, match="a bug in a rule"):
        check_text(APP)


@pytest.mark.usefixtures("broken_rule")
def test_outside_strict_mode_it_costs_only_that_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENVIRONMENT_VARIABLE)
    assert "FL105" not in {finding.code for finding in check_text(APP)}


def test_the_app_used_above_has_an_fl101_finding() -> None:
    assert "FL105" in {finding.code for finding in check_text(APP)}
