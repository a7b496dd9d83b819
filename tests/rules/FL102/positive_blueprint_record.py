from flask import Blueprint, current_app, g

bp = Blueprint("admin", __name__)


@bp.record
def configure(state):
    state.app.config.setdefault("ADMIN_TITLE", current_app.name)  # expect: FL102


@bp.record_once
def once(state):
    g.configured = True  # expect: FL102
    state.app.logger.info("fine: the app object itself")
