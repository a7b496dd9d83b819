# skylines-project/skylines skylines/lib/waypoints/welt2000.py @ e4e97c9ded28cc4d52568ae7b68935aaf1027aeb (before) the fix 4dc7ecdf42cdbc3fabde415ea13dddfe9d817af4: the helper reads current_app.config when no path is given (unchanged by the fix)
# Reduced by hand from the project's file (tests/realbugs/README.md); not a verbatim copy.
import os
import subprocess

from flask import current_app

from .welt2000_reader import parse_welt2000_waypoints


def __get_database_file(dir_data):
    path = os.path.join(dir_data, 'WELT2000.TXT')
    if not os.path.exists(os.path.dirname(path)):
        os.makedirs(os.path.dirname(path))
    url = 'http://www.segelflug.de/vereine/welt2000/download/WELT2000.TXT'
    subprocess.check_call(['wget', '-N', '-P', os.path.dirname(path), url])
    return path


def get_database(bounds=None, path=None):
    delete_file = False

    if not path:
        path = __get_database_file(current_app.config['SKYLINES_TEMPORARY_DIR'])
        delete_file = True

    with open(path, "r") as f:
        parsed = parse_welt2000_waypoints(f, bounds)

    if delete_file:
        os.remove(path)

    return parsed
