"""The "config" extractor: which Flask settings a module sets, from what, and in which profile.

FL401-FL404 and FL409 read these facts (FL404 across the workspace), so the classification is
pinned down here on small modules.
"""

from __future__ import annotations

from textwrap import dedent

import pytest

from flask_lsp.analysis.appconfig import ConfigFacts
from flask_lsp.analysis.module import parse_module

PRELUDE = "import os\nfrom flask import Flask\n\napp = Flask(__name__)\n"


def config_of(text: str, path: str = "/project/app.py", name: str = "app") -> ConfigFacts:
    facts = parse_module(path, name, PRELUDE + dedent(text)).facts.extras["config"]
    assert isinstance(facts, ConfigFacts)
    return facts


@pytest.mark.parametrize(
    ("code", "key", "kind", "value", "profile"),
    [
        ('app.config["SECRET_KEY"] = "dev"', "SECRET_KEY", "literal", "dev", ""),
        ('app.secret_key = os.environ["KEY"]', "SECRET_KEY", "env", None, ""),
        ('app.config.update(SECRET_KEY=os.getenv("K", "x"))', "SECRET_KEY", "env_default", "x", ""),
        (
            'app.config.update(SECRET_KEY=os.environ.get("K") or "x")',
            "SECRET_KEY",
            "env_default",
            "x",
            "",
        ),
        ('app.config.from_mapping({"DEBUG": True})', "DEBUG", "literal", True, ""),
        ("app.config.update(TESTING=True, DEBUG=True)", "DEBUG", "literal", True, "testing"),
        ("class TestingConfig:\n    DEBUG = True", "DEBUG", "literal", True, "testing"),
        ("class Ci:\n    TESTING = True\n    DEBUG = True", "DEBUG", "literal", True, "testing"),
        ("class DevelopmentConfig:\n    DEBUG = True", "DEBUG", "literal", True, "development"),
        ("class Production:\n    DEBUG = True", "DEBUG", "literal", True, ""),
        ("if test_config:\n    app.config['DEBUG'] = True", "DEBUG", "literal", True, "testing"),
        ("def create_app():\n    app.debug = True", "DEBUG", "literal", True, ""),
        ("app.config.setdefault('SECRET_KEY', 'k')", "SECRET_KEY", "literal", "k", ""),
        ("SECRET_KEY = 'module-level'", "SECRET_KEY", "literal", "module-level", ""),
        ("app.config['SECRET_KEY'] = make_key()", "SECRET_KEY", "other", None, ""),
    ],
)
def test_values_are_classified(code: str, key: str, kind: str, value: object, profile: str) -> None:
    found = [v for v in config_of(code).values if v.key == key]
    assert [(v.kind, v.value, v.profile) for v in found][-1:] == [(kind, value, profile)]


@pytest.mark.parametrize(
    "code",
    [
        'app.config.from_object("settings")',
        'app.config.from_pyfile("config.py", silent=True)',
        "app.config.from_envvar('APP_SETTINGS')",
        "app.config.from_prefixed_env()",
        "app.config.update(settings)",
        "app.config.from_mapping(**overrides)",
        "app.config[name] = value",
    ],
)
def test_configuration_we_cannot_see_is_recorded(code: str) -> None:
    assert config_of(code).external


def test_test_modules_are_testing_profile() -> None:
    facts = config_of('app.config["SECRET_KEY"] = "x"', path="/project/tests/conftest.py")
    assert [v.profile for v in facts.values] == ["testing"]


def test_lower_case_debug_outside_flask_is_not_flask_config() -> None:
    facts = parse_module(
        "/p/tool.py", "tool", "class T:\n    def f(self):\n        app.debug = True\n"
    )
    assert facts.facts.extras["config"].values == ()


def test_app_creation_and_flask_session_are_noted() -> None:
    facts = config_of("from flask_session import Session\nSession(app)")
    assert facts.creates_app and facts.uses_flask_session


@pytest.mark.parametrize(
    ("code", "profile"),
    [
        ("class DeviceConfig:\n    DEBUG = True", ""),
        ("class DevConfig:\n    DEBUG = True", "development"),
        ("class CITestConfig:\n    DEBUG = True", "testing"),
        ("class LocalSettings:\n    DEBUG = True", "development"),
        ("class Contest:\n    DEBUG = True", ""),
        ("if test_config is None:\n    app.config['DEBUG'] = True", ""),
        ("if test_config is None:\n    pass\nelse:\n    app.config['DEBUG'] = True", "testing"),
        ("if not app.testing:\n    app.config['DEBUG'] = True", ""),
        ("if app.debug:\n    app.config['DEBUG'] = True", "development"),
    ],
)
def test_profiles_come_from_whole_words_and_the_branch_taken(code: str, profile: str) -> None:
    assert [v.profile for v in config_of(code).values] == [profile]


def test_a_load_used_as_a_condition_is_recorded() -> None:
    assert config_of("if not app.config.from_pyfile('local.py', silent=True):\n    pass").external
