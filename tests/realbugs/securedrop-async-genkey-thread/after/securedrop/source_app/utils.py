# freedomofpress/securedrop securedrop/source_app/utils.py @ 638cec8d01944bacf692560e94994566897a02c6 (after) the fix 638cec8d01944bacf692560e94994566897a02c6: the decorated function runs in a new thread and queries Source.query with no app context
# Reduced by hand from the project's file (tests/realbugs/README.md); not a verbatim copy.
# The project (Python 2) named the decorator `async`, a keyword since Python 3.7; it is spelled `asynchronous` here, as the project later renamed it.
import logging

from datetime import datetime
from sqlalchemy import create_engine
from sqlalchemy.orm import sessionmaker
from threading import Thread

import crypto_util

from models import Source


def asynchronous(f):
    def wrapper(*args, **kwargs):
        thread = Thread(target=f, args=args, kwargs=kwargs)
        thread.start()
    return wrapper


@asynchronous
def async_genkey(db_uri, filesystem_id, codename):
    crypto_util.genkeypair(filesystem_id, codename)

    # bump last_updated so that the source sorts to the top for journalists (#789)
    session = sessionmaker(bind=create_engine(db_uri))()
    try:
        source = session.query(Source).filter(
            Source.filesystem_id == filesystem_id).one()
        source.last_updated = datetime.utcnow()
        session.commit()
    except Exception as e:
        logging.getLogger(__name__).error(
                "async_genkey for source (filesystem_id={}): {}"
                .format(filesystem_id, e))
    session.close()
