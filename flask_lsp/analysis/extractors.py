"""Extra per-module facts that later analyses need (routes, configuration, data layer...).

Each extractor takes a `ParsedModule` while its AST is alive and returns small, position-based
facts; they are stored in `ModuleFacts.extras[name]` and outlive the AST. Add an analysis by
appending `(name, function, replacer)` to `extractors()`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .module import ParsedModule

Extractor = Callable[["ParsedModule"], Any]
# (module, its previous version, the index of the one top-level function that changed): the
# extractor's facts from the previous ones and that function alone, or None if it cannot.
Replacer = Callable[["ParsedModule", "ParsedModule", int], Any]


def extractors() -> list[tuple[str, Extractor, Replacer | None]]:
    """Imported lazily: extractor modules import `module`, which imports this one."""
    from . import g_attributes, structure
    from .appconfig import extract_config, replace_config
    from .route_facts import replace_routes
    from .routes import extract_routes

    return [
        ("routes", extract_routes, replace_routes),
        ("config", extract_config, replace_config),
        (structure.NAME, structure.extract, structure.replace_structure),
        (g_attributes.NAME, g_attributes.extract, None),
    ]
