# pallets-eco/flask-admin examples/sqla/run_server.py @ a820f9418358dd8b33b87e6bb156f57e6b5bb14f (after) the fix a820f9418358dd8b33b87e6bb156f57e6b5bb14f: build_sample_db() runs at import time with no app context
# Reduced by hand from the project's file (tests/realbugs/README.md); not a verbatim copy.
from admin import app
from admin.data import build_sample_db
import os
import os.path as op

# build the sample database on the fly if there is none yet
app_dir = op.join(op.realpath(os.path.dirname(__file__)), 'admin')
database_path = op.join(app_dir, app.config['DATABASE_FILE'])
if not os.path.exists(database_path):
    with app.app_context():
        build_sample_db()

if __name__ == '__main__':
    app.run(debug=True)
