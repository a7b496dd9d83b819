"""FL506 follows the severity policy: an error where the app fails at run time, a warning
where only a test module would break on upgrade."""

from __future__ import annotations

from flask_lsp.analysis.findings import Severity
from flask_lsp.engine.checker import check_text

REMOVED = "from flask import _request_ctx_stack\n"


def test_a_removed_name_in_the_app_is_an_error() -> None:
    (finding,) = check_text(REMOVED, "shop/locals.py")
    assert (finding.code, finding.severity) == ("FL506", Severity.ERROR)


def test_a_removed_name_in_a_test_module_is_a_warning() -> None:
    for path in ("tests/test_locals.py", "tests/locals_test.py", "tests/conftest.py"):
        (finding,) = check_text(REMOVED, path)
        assert (finding.code, finding.severity) == ("FL506", Severity.WARNING), path
