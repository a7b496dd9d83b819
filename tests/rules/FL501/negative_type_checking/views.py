from __future__ import annotations

from typing import TYPE_CHECKING

from flask import current_app

if TYPE_CHECKING:
    from app import app


def app_name(target: app) -> str:
    return current_app.name
