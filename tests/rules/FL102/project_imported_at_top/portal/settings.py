from flask import current_app, g

from .helpers import default_title

DEBUG_TOOLBAR = current_app.debug  # expect: FL102
TITLE = default_title()  # expect: FL102
g.loaded = True  # expect: FL102
