# freedomofpress/securedrop securedrop/source_app/main.py @ 638cec8d01944bacf692560e94994566897a02c6 (after) the fix 638cec8d01944bacf692560e94994566897a02c6: a view calls the thread-starting helper (changed by the fix only to pass the database URI)
# Reduced by hand from the project's file (tests/realbugs/README.md); not a verbatim copy.
from flask import Blueprint, render_template, g, current_app

import crypto_util
from source_app.utils import async_genkey


def make_blueprint(config):
    view = Blueprint('main', __name__)

    @view.route('/lookup', methods=('GET',))
    def lookup():
        # a keypair to encrypt the journalist's replies, only for flagged sources (#140)
        if not crypto_util.getkey(g.filesystem_id) and g.source.flagged:
            db_uri = current_app.config['SQLALCHEMY_DATABASE_URI']
            async_genkey(db_uri, g.filesystem_id, g.codename)

        return render_template('lookup.html', codename=g.codename)

    return view
