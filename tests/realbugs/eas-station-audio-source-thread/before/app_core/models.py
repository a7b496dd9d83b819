# KR8MER/eas-station app_core/models.py @ 7e3aff01985cf3313622c026b0b8d5648f017223 (before) the fix 0164b90be12539b1c269024bfeb36732b63b5359: the model the thread queries (unchanged by the fix)
# Reduced by hand from the project's file (tests/realbugs/README.md); not a verbatim copy.
from .extensions import db


class AudioSourceConfigDB(db.Model):
    __tablename__ = "audio_source_configs"

    id = db.Column(db.Integer, primary_key=True)
    name = db.Column(db.String(100), unique=True, nullable=False)
    enabled = db.Column(db.Boolean, default=True)
    auto_start = db.Column(db.Boolean, default=False)
