"""Typing inside one function re-analyses that function only (analysis/incremental.py).

The promise is exactness: after any edit inside a top-level function, the facts and the
findings are those a full analysis of the new text gives. Every fixture project is edited in
every function (tests/incremental_cases.py: a string changed, a name changed, a line emptied,
a request read and a helper call added) and compared with a fresh analysis.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flask_lsp.analysis.findings import Finding
from flask_lsp.analysis.module import ParsedModule, parse_module
from flask_lsp.engine import checker
from flask_lsp.engine.checker import Project

from .incremental_cases import function_edits

TESTS = Path(__file__).parent
ROOT = TESTS.parent
# A project is a fixture file, or a fixture folder (several modules).
PROJECTS = sorted(
    [*TESTS.glob("rules/*/*"), *(ROOT / "examples").iterdir(), TESTS / "routing" / "factory_app"]
)
PROJECTS = [p for p in PROJECTS if p.suffix == ".py" or (p.is_dir() and any(p.rglob("*.py")))]


def project_id(path: Path) -> str:
    return str(path.relative_to(ROOT))


def files_of(project: Path) -> list[Path]:
    return sorted(project.rglob("*.py")) if project.is_dir() else [project]


def facts_of(module: ParsedModule) -> dict[str, object]:
    """Everything the analysis records, and the scope of every node (by qualified name, as the
    two trees' nodes are different objects)."""
    facts = module.facts
    found: dict[str, object] = {
        name: getattr(facts, name)
        for name in [
            "uses",
            "calls",
            "thread_starts",
            "context_creations",
            "imports",
            "import_sites",
            "functions",
            "exports",
            "looks_like_entry_point",
            "mentions_server_name",
            "star_imports",
        ]
    }
    found.update({f"extra {name}": value for name, value in facts.extras.items()})
    found["scopes"] = [
        (type(node).__name__, module.scope_at(node).qualname) for node in module.all_nodes
    ]
    return found


def shown(finding: Finding) -> tuple[object, ...]:
    return (finding.code, finding.span, finding.message, finding.severity, finding.fix)


@pytest.mark.parametrize("project", PROJECTS, ids=project_id)
def test_facts_after_an_edit_in_a_function_are_a_full_analysis(project: Path) -> None:
    for path in files_of(project):
        text = path.read_text(encoding="utf-8")
        before = parse_module(str(path), "fixture", text)
        for what, edited in function_edits(text):
            again = parse_module(str(path), "fixture", edited, previous=before)
            fresh = parse_module(str(path), "fixture", edited)
            if again.parse.broken != fresh.parse.broken:
                continue  # half-typed: the full parse cut other lines (test_incremental_parse)
            assert facts_of(again) == facts_of(fresh), f"{path.name}, {what}"


@pytest.mark.parametrize("project", PROJECTS, ids=project_id)
def test_findings_after_an_edit_in_a_function_are_a_full_check(project: Path) -> None:
    for path in files_of(project):
        text = path.read_text(encoding="utf-8")
        typing = Project()
        typing.set_text(str(path), text, pinned=True)
        typing.index_paths([project])
        typing.findings(str(path))
        for what, edited in function_edits(text):
            typing.set_text(str(path), edited, pinned=True)
            got = [shown(f) for f in typing.findings(str(path))]
            fresh = Project()
            fresh.set_text(str(path), edited, pinned=True)  # before indexing: parsed in full
            fresh.index_paths([project])
            want = [shown(f) for f in fresh.findings(str(path))]
            if _broken(typing, path) == _broken(fresh, path):  # else: see the facts test
                assert got == want, f"{path.name}, {what}"
            typing.set_text(str(path), text, pinned=True)
            typing.findings(str(path))


def _broken(project: Project, path: Path) -> list[tuple[int, int]]:
    parsed = project.parsed(str(path))
    return parsed.parse.broken if parsed is not None else []


VIEWS = """\
from flask import Flask, request

app = Flask(__name__)


@app.route("/a")
def first():
    return request.args.get("page", "1")


def second():
    return "two"


app.add_url_rule("/b", view_func=second)
"""


def typed(project: Project, path: str, old: str, new: str) -> ParsedModule:
    text = project.parsed(path).source.text  # type: ignore[union-attr]
    assert old in text
    project.set_text(path, text.replace(old, new, 1), pinned=True)
    parsed = project.parsed(path)
    assert parsed is not None
    return parsed


@pytest.fixture
def views(tmp_path: Path) -> tuple[Project, str]:
    project = Project()
    path = str(tmp_path / "views.py")
    project.set_text(path, VIEWS, pinned=True)
    project.findings(path)
    return project, path


def test_typing_in_a_function_reanalyses_it_alone(
    views: tuple[Project, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    project, path = views
    parsed = typed(project, path, '"two"', '"twos"')
    assert parsed.derived_from is not None and parsed.derived_from[1] == 3  # `def second`
    checked: list[int | None] = []
    real = checker.check_module

    def spy(module: ParsedModule, *args: object) -> list[Finding]:
        checked.append(module.region)
        return real(module, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(checker, "check_module", spy)
    project.findings(path)
    assert checked == [3]  # the function alone


@pytest.mark.parametrize(
    ("old", "new", "why"),
    [
        ('@app.route("/a")', '@app.route("/ab")', "a decorator changed"),
        ("def second():", "def second(x=1):", "the signature changed"),
        ('    return "two"', "    class Two: pass", "a class inside"),
        ('    return "two"', '    app.add_url_rule("/c", view_func=first)', "a registration"),
        ('app.add_url_rule("/b"', 'app.add_url_rule("/bb"', "module-level code changed"),
        ('    return "two"\n', '    return "two"\n\n\n', "lines added"),
    ],
)
def test_other_edits_are_analysed_in_full(
    views: tuple[Project, str], old: str, new: str, why: str
) -> None:
    project, path = views
    assert typed(project, path, old, new).derived_from is None, why


def test_a_function_defined_twice_is_analysed_in_full(tmp_path: Path) -> None:
    project = Project()
    path = str(tmp_path / "twice.py")
    project.set_text(path, "def f():\n    return 1\n\n\ndef f():\n    return 2\n", pinned=True)
    assert typed(project, path, "return 1", "return 3").derived_from is None


def test_a_new_call_to_a_helper_rechecks_the_whole_module(
    views: tuple[Project, str],
) -> None:
    """The helper's findings depend on its callers: `same_to_others` sees the new call."""
    project, path = views
    before = typed(project, path, '"two"', '"twos"')
    project.findings(path)
    after = typed(project, path, '    return "twos"', "    return first()")
    assert after.derived_from is not None
    previous, index = after.derived_from
    from flask_lsp.analysis.incremental import same_to_others

    assert previous is before and not same_to_others(previous, after, index)


def test_the_previous_version_is_let_go(views: tuple[Project, str]) -> None:
    """Each version remembers the one before only until its findings are computed."""
    project, path = views
    first = typed(project, path, '"two"', '"twos"')
    project.findings(path)
    second = typed(project, path, '"twos"', '"twoss"')
    assert second.derived_from is not None and second.derived_from[0] is first
    assert first.derived_from is None


def test_the_edit_cases_keep_the_line_count_and_half_of_them_parse() -> None:
    """The cases stay inside functions and keep the line count (or nothing is tested)."""
    cases = [edited for _, edited in function_edits(VIEWS)]
    assert len(cases) >= 6
    assert all(edited.count("\n") == VIEWS.count("\n") for edited in cases)
    assert sum(1 for edited in cases if _parses(edited)) >= len(cases) // 2


def _parses(text: str) -> bool:
    try:
        ast.parse(text)
    except SyntaxError:
        return False
    return True


# Sequences: each version is derived from the last derived one (marks spliced again and again).
SEQUENCE_FIXTURES = [
    ROOT / "examples" / "shop" / "shop" / "views.py",
    TESTS / "rules" / "FL101" / "positive_contexts_without_request.py",
    TESTS / "rules" / "FL104" / "positive_threads.py",
    TESTS / "rules" / "FL301" / "positive_get_only_views.py",
    TESTS / "rules" / "FL503" / "positive_views.py",
    TESTS / "rules" / "FL505" / "negative_contexts.py",
]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    fixture=st.sampled_from(SEQUENCE_FIXTURES),
    choices=st.lists(st.integers(0, 10_000), min_size=2, max_size=6),
)
def test_a_sequence_of_edits_stays_a_full_analysis(fixture: Path, choices: list[int]) -> None:
    text = fixture.read_text(encoding="utf-8")
    typing = Project()
    typing.set_text(str(fixture), text, pinned=True)
    typing.findings(str(fixture))
    for choice in choices:
        edits = list(function_edits(text))
        if not edits:
            return
        what, text = edits[choice % len(edits)]
        typing.set_text(str(fixture), text, pinned=True)
        got = typing.parsed(str(fixture))
        assert got is not None
        found = [shown(f) for f in typing.findings(str(fixture))]
        fresh = Project()
        fresh.set_text(str(fixture), text, pinned=True)
        whole = fresh.parsed(str(fixture))
        assert whole is not None
        if got.parse.broken != whole.parse.broken:
            continue  # half-typed code repaired locally: see test_incremental_parse
        assert facts_of(got) == facts_of(whole), what
        assert found == [shown(f) for f in fresh.findings(str(fixture))], what
