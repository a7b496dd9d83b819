# skylines-project/skylines skylines/__init__.py @ 08448440d9bea4a1c074cc7b3258405a922ea100 (after) the fix 08448440d9bea4a1c074cc7b3258405a922ea100: the app (unchanged by the fix)
# Reduced by hand from the project's file (tests/realbugs/README.md); not a verbatim copy.
from flask import Flask

app = Flask(__name__)
app.config.from_envvar('SKYLINES_CONFIG')

from skylines.model import db  # noqa: E402
db.init_app(app)
