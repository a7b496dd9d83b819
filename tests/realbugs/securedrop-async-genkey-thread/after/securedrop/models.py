# freedomofpress/securedrop securedrop/models.py @ 638cec8d01944bacf692560e94994566897a02c6 (after) the fix 638cec8d01944bacf692560e94994566897a02c6: the Source model (unchanged by the fix)
# Reduced by hand from the project's file (tests/realbugs/README.md); not a verbatim copy.
import datetime

from sqlalchemy import Column, Integer, String, Boolean, DateTime

from db import db


class Source(db.Model):
    __tablename__ = 'sources'
    id = Column(Integer, primary_key=True)
    filesystem_id = Column(String(96), unique=True)
    flagged = Column(Boolean, default=False)
    last_updated = Column(DateTime, default=datetime.datetime.utcnow)
