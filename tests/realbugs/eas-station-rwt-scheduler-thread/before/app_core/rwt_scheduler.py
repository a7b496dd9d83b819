# KR8MER/eas-station app_core/rwt_scheduler.py @ fe57554b20022faaec056b681eb403f5a684c955 (before) the fix 5e3038750b59227a58dcba7efd71c9da97afcb73: the scheduler thread's loop queries a Flask-SQLAlchemy model with no app context
# Reduced by hand from the project's file (tests/realbugs/README.md); not a verbatim copy.
from __future__ import annotations

import logging
import threading
import time
from datetime import datetime, timedelta, timezone
from typing import Optional

from app_core.extensions import db
from app_core.models import RWTScheduleConfig

logger = logging.getLogger(__name__)


def trigger_rwt_broadcast(config: RWTScheduleConfig, logger_instance=None) -> dict:
    log = logger_instance or logger
    try:
        config.last_run_at = datetime.now(timezone.utc)
        config.last_run_status = "success"
        db.session.add(config)
        db.session.commit()
        return {"success": True}
    except Exception as exc:
        log.error("Failed to trigger RWT broadcast: %s", exc, exc_info=True)
        return {"success": False, "error": str(exc)}


class RWTScheduler:
    """Sends the required weekly test on schedule."""

    def __init__(self, check_interval_minutes: int = 1):
        self.check_interval = timedelta(minutes=check_interval_minutes)
        self.running = False
        self.thread: Optional[threading.Thread] = None
        self.logger = logger

    def start(self):
        if self.running:
            return
        self.running = True
        self.thread = threading.Thread(target=self._run_loop, daemon=True)
        self.thread.start()

    def _run_loop(self):
        while self.running:
            try:
                self._check_and_send_rwt()
                time.sleep(self.check_interval.total_seconds())
            except Exception as e:
                self.logger.error("Error in RWT scheduler loop: %s", e, exc_info=True)
                time.sleep(60)

    def _check_and_send_rwt(self):
        try:
            config = RWTScheduleConfig.query.filter_by(enabled=True).first()
            if config is None:
                return
            now = datetime.now(timezone.utc)
            if not (config.start_hour <= now.hour <= config.end_hour):
                return
            self.logger.info("Triggering automatic RWT broadcast")
            result = trigger_rwt_broadcast(config, self.logger)
            if not result.get("success"):
                self.logger.error("Automatic RWT broadcast failed: %s", result.get("error"))
        except Exception as exc:
            self.logger.error("Failed to check/send RWT: %s", exc, exc_info=True)


_scheduler: Optional[RWTScheduler] = None


def get_scheduler() -> RWTScheduler:
    global _scheduler
    if _scheduler is None:
        _scheduler = RWTScheduler()
    return _scheduler


def start_scheduler():
    scheduler = get_scheduler()
    scheduler.start()
