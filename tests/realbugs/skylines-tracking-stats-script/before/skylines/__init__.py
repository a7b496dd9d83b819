# skylines-project/skylines skylines/__init__.py @ dcaeb24650d04bae873bb47a552c46edf17fc9c7 (before) the fix 08448440d9bea4a1c074cc7b3258405a922ea100: the app (unchanged by the fix)
# Reduced by hand from the project's file (tests/realbugs/README.md); not a verbatim copy.
from flask import Flask

app = Flask(__name__)
app.config.from_envvar('SKYLINES_CONFIG')

from skylines.model import db  # noqa: E402
db.init_app(app)
