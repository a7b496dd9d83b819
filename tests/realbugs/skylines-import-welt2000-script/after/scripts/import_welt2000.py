# skylines-project/skylines scripts/import_welt2000.py @ 4dc7ecdf42cdbc3fabde415ea13dddfe9d817af4 (after) the fix 4dc7ecdf42cdbc3fabde415ea13dddfe9d817af4: a script calls a helper that reads current_app with no context pushed
# Reduced by hand from the project's file (tests/realbugs/README.md); not a verbatim copy.
import sys
import os
import argparse

sys.path.append(os.path.dirname(sys.argv[0]))

parser = argparse.ArgumentParser(description='Add or update welt2000 airport data in SkyLines.')
parser.add_argument('welt2000_path', nargs='?', metavar='WELT2000.TXT',
                    help='path to the WELT2000 file')
args = parser.parse_args()

from skylines import db, app
from skylines.model import Airport
from skylines.lib.waypoints.welt2000 import get_database

app.test_request_context().push()
welt2000 = get_database(path=args.welt2000_path)

for airport_w2k in welt2000:
    if (airport_w2k.type != 'airport' and
            airport_w2k.type != 'glider_site' and
            airport_w2k.type != 'ulm'):
        continue
    airport = Airport()
    airport.location = airport_w2k
    airport.name = airport_w2k.name
    db.session.add(airport)

db.session.commit()
