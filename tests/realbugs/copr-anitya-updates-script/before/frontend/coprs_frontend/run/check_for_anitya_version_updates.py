# fedora-copr/copr frontend/coprs_frontend/run/check_for_anitya_version_updates.py @ 5bb22502cdf4237f00c445595ff9acb3e0cf99b0 (before) the fix a22af0a1340a73cbaf246d3a16b831729176905a: the cron script's main() queries and commits with no app context
# Reduced by hand from the project's file (tests/realbugs/README.md); not a verbatim copy.
import argparse
import sys
import os
import json
import logging

sys.path.append(
    os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
)

# pylint: disable=wrong-import-position

from coprs import db, app
from coprs.logic.packages_logic import PackagesLogic

logging.basicConfig(
    filename="{0}/check_for_anitya_version_updates.log".format(app.config.get("LOG_DIR")),
    level=logging.DEBUG)
log = logging.getLogger(__name__)


def _get_parser():
    parser = argparse.ArgumentParser(description='Rebuild COPR packages updated upstream.')
    parser.add_argument('--backend', action='store', default='pypi', choices=['pypi', 'rubygems'])
    return parser


def main():
    args = _get_parser().parse_args()
    for package in PackagesLogic.webhook_package_candidates(args.backend.lower()):
        source_json = json.loads(package.source_json)
        log.debug("candidate %s package %s", args.backend, source_json)

    db.session.commit()

if __name__ == '__main__':
    try:
        main()
    except Exception as e:
        log.exception(str(e))
