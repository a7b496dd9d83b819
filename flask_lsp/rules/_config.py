"""Shared by the configuration rules (FL401-FL404, FL409): the module's config facts."""

from __future__ import annotations

from collections.abc import Iterator

from flask_lsp.analysis.appconfig import ConfigFacts, ConfigValue

from .base import RuleContext


def facts(rc: RuleContext) -> ConfigFacts:
    found = rc.module.facts.extras.get("config")
    return found if isinstance(found, ConfigFacts) else ConfigFacts()


def values(rc: RuleContext, key: str) -> Iterator[ConfigValue]:
    for value in facts(rc).values:
        if value.key == key:
            yield value
