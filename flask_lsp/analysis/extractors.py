"""Extra per-module facts that later analyses need (routes, configuration, data layer...).

Each extractor takes a `ParsedModule` while its AST is alive and returns small, position-based
facts; they are stored in `ModuleFacts.extras[name]` and outlive the AST. Add an analysis by
appending `(name, function)` to `EXTRACTORS`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .module import ParsedModule

Extractor = Callable[["ParsedModule"], Any]


def extractors() -> list[tuple[str, Extractor]]:
    """Imported lazily: extractor modules import `module`, which imports this one."""
    from . import structure
    from .appconfig import extract_config
    from .routes import extract_routes

    return [
        ("routes", extract_routes),
        ("config", extract_config),
        (structure.NAME, structure.extract),
    ]
