# KR8MER/eas-station app_core/models.py @ 5e3038750b59227a58dcba7efd71c9da97afcb73 (after) the fix 5e3038750b59227a58dcba7efd71c9da97afcb73: the model the scheduler queries (unchanged by the fix)
# Reduced by hand from the project's file (tests/realbugs/README.md); not a verbatim copy.
from .extensions import db


class RWTScheduleConfig(db.Model):
    __tablename__ = "rwt_schedule_config"

    id = db.Column(db.Integer, primary_key=True)
    enabled = db.Column(db.Boolean, default=False)
    start_hour = db.Column(db.Integer, default=8)
    end_hour = db.Column(db.Integer, default=16)
