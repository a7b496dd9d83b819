# skylines-project/skylines scripts/tracking/stats.py @ 08448440d9bea4a1c074cc7b3258405a922ea100 (after) the fix 08448440d9bea4a1c074cc7b3258405a922ea100: module-level script code queries the database with no app context
# Reduced by hand from the project's file (tests/realbugs/README.md); not a verbatim copy.
import sys
import os
import argparse

sys.path.append(os.path.dirname(sys.argv[0]))

parser = argparse.ArgumentParser(description='Analyse live tracks and output statistics.')
parser.add_argument('--json', action='store_true', help='enable JSON output')
parser.add_argument('user', type=int, help='A user ID')
args = parser.parse_args()

from skylines import app
from skylines.model import db, TrackingFix, User

app.app_context().push()

def get_pilot(user_id):
    pilot = User.get(user_id)
    return dict(name=pilot.name, id=pilot.id)


def get_base_query(user_id):
    return db.session.query(TrackingFix) \
        .filter_by(pilot_id=user_id) \
        .order_by(TrackingFix.time)


def gather_statistics(args):
    stats = dict()
    stats['pilot'] = get_pilot(args.user)
    stats['num_fixes'] = get_base_query(args.user).count()
    return stats


stats = gather_statistics(args)

if args.json:
    from flask import json
    print(json.dumps(stats))
else:
    print(stats)
