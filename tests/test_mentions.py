"""Word filters: an analysis skips the statements whose lines hold none of the words that
anything it records needs (`SourceText.lines_mentioning`, `ParsedModule.mentions`).

They only save time: with every filter turned off (every line "mentions" everything), every
fixture and example gets the same facts.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from flask_lsp.analysis import appconfig, structure
from flask_lsp.analysis.module import ParsedModule, parse_module
from flask_lsp.analysis.source import Mentions, SourceText

TESTS = Path(__file__).parent
ROOT = TESTS.parent
FILES = sorted(
    {*TESTS.glob("rules/*/**/*.py"), *(ROOT / "examples").rglob("*.py"), *TESTS.glob("*.py")}
)


@pytest.mark.parametrize(
    ("text", "words", "options", "lines"),
    [
        ("a = 1\nb = config\nconfig.x\n", ["config"], {}, [1, 2]),
        ("config = 1; config = 2\n", ["config"], {}, [0]),  # a line once
        ("x = 1\n", ["config"], {}, []),
        ("x = 1\r\ny = config\rz = config\n", ["config"], {}, [1, 2]),  # every line break
        ("import os\npos = 1\nos.path\n", ["os"], {"whole_words": True}, [0, 2]),
        ("os_x = 1\n_os = 2\nx.os\n", ["os"], {"whole_words": True}, [2]),
        ("db.Commit()\nx.save_all()\n", ["commit"], {"ignore_case": True}, [0]),
        ("db.Commit()\n", ["commit"], {}, []),
        (
            "é = 1\n\uff46\uff4c\uff41\uff53\uff4b.Flask\n",
            ["flask"],
            {"whole_words": True},
            [1],
        ),  # NFKC
        ("", ["x"], {}, []),
    ],
)
def test_lines_mentioning(
    text: str, words: list[str], options: dict[str, bool], lines: list[int]
) -> None:
    assert SourceText(text).lines_mentioning(words, **options) == lines


def test_a_statement_is_within_from_its_first_decorator_to_its_last_line() -> None:
    text = "@config.route\ndef f():\n    pass\n\n\ndef g():\n    x = 1\n    return config\n"
    tree = ast.parse(text)
    mentions = Mentions(SourceText(text).lines_mentioning(["config"]))
    assert [mentions.within(statement) for statement in tree.body] == [True, True]
    assert not mentions.within(tree.body[1].body[0])  # `x = 1`
    assert not Mentions([]).within(tree.body[0])


def test_spellings_of_a_name_include_aliases_in_every_scope() -> None:
    parsed = parse_module(
        "app.py",
        "app",
        "from flask import Flask as F\n\ndef make():\n    from flask import Flask as G\n",
    )
    assert parsed.spellings_of("Flask") == {"Flask", "F", "G"}


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        # `Flask` only in another function, under an alias bound inside this one
        (
            "def make():\n    from flask import Flask as F\n    app = F(__name__)\n"
            "    app.config['DEBUG'] = True\n",
            "creates_app",
        ),
        # a commit whose name is spelled in another case
        ("from shop import db\n\ndef save(user):\n    db.session.add(user)\n    db.doCommit()\n", "commits"),
        # a function nested in one without any database word: raising is still recorded
        ("def outer():\n    def inner():\n        raise ValueError\n    return inner\n\nsession = 1\n", "raising"),
    ],
)  # fmt: skip
def test_filtered_statements_still_give_their_facts(source: str, expected: str) -> None:
    parsed = parse_module("shop/app.py", "shop.app", source)
    if expected == "creates_app":
        assert parsed.facts.extras[appconfig.NAME].creates_app
    elif expected == "commits":
        assert parsed.facts.extras[structure.NAME].commits == {"shop.app.save"}
    else:
        assert parsed.facts.extras[structure.NAME].raising == {"shop.app.outer.<locals>.inner"}


def _analysed(path: Path) -> ParsedModule:
    text = path.read_text(encoding="utf-8", errors="replace")
    return parse_module(str(path), path.stem, text)


@pytest.mark.parametrize("path", FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_filters_change_no_fact(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    filtered = _analysed(path)

    def everywhere(self: SourceText, *args: object, **kwargs: object) -> list[int]:
        return list(range(len(self.lines)))

    monkeypatch.setattr(SourceText, "lines_mentioning", everywhere)
    unfiltered = _analysed(path)
    assert filtered.facts == unfiltered.facts


def test_functions_nested_in_blocks_of_unwalked_statements_are_still_seen() -> None:
    source = (
        "def outer(flag):\n"
        "    if flag:\n"
        "        def inner():\n"
        "            raise ValueError\n"
        "    try:\n"
        "        pass\n"
        "    except* OSError:\n"
        "        def other():\n"
        "            raise\n"
        "    return 1\n\n"
        "session = 1\n"
    )
    parsed = parse_module("shop/app.py", "shop.app", source)
    assert parsed.facts.extras[structure.NAME].raising == {
        "shop.app.outer.<locals>.inner",
        "shop.app.outer.<locals>.other",
    }
