# KR8MER/eas-station webapp/admin/audio_ingest.py @ 7e3aff01985cf3313622c026b0b8d5648f017223 (before) the fix 0164b90be12539b1c269024bfeb36732b63b5359: the background thread queries a Flask-SQLAlchemy model with no app context
# Reduced by hand from the project's file (tests/realbugs/README.md); not a verbatim copy.
from __future__ import annotations

import logging
from typing import Optional

from flask import Flask, jsonify

from app_core.audio import AudioIngestController
from app_core.models import AudioSourceConfigDB

logger = logging.getLogger(__name__)

_audio_controller: Optional[AudioIngestController] = None
_initialization_started = False


def _get_audio_controller() -> AudioIngestController:
    global _audio_controller, _initialization_started

    if _audio_controller is None:
        _audio_controller = AudioIngestController()

        # starting the sources is slow: do it in the background
        if not _initialization_started:
            _initialization_started = True
            import threading
            init_thread = threading.Thread(
                target=_start_audio_sources_background,
                daemon=True,
                name="AudioSourceStarter"
            )
            init_thread.start()

    return _audio_controller


def _start_audio_sources_background() -> None:
    try:
        if _audio_controller is None:
            logger.error("Audio controller not initialized - cannot start sources")
            return

        saved_configs = AudioSourceConfigDB.query.all()
        for db_config in saved_configs:
            if db_config.enabled and db_config.auto_start:
                _audio_controller.start_source(db_config.name)
    except Exception as e:
        logger.error(f"Background: Audio source initialization failed: {e}", exc_info=True)


def register_audio_ingest_routes(app: Flask, logger_instance) -> None:
    @app.route('/api/audio/sources', methods=['GET'])
    def api_get_audio_sources():
        controller = _get_audio_controller()
        return jsonify({"sources": sorted(controller.sources)})
