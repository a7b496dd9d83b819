from myapp.compat import *  # noqa: F403
from myapp.web import rq

PATH = rq.path  # expect: FL101
