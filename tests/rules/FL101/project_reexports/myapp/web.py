from flask import request as rq

from .compat import current_session
from .compat import request as compat_request

ARGS = rq.args  # expect: FL101
USER = current_session.get("user")  # expect: FL101
