# fedora-copr/copr frontend/coprs_frontend/commands/add_user.py @ 9d103adb22b0e207ee85619d78afd08bf252c008 (after) the fix 9d103adb22b0e207ee85619d78afd08bf252c008: a plain click command queries and commits with no app context
# Reduced by hand from the project's file (tests/realbugs/README.md); not a verbatim copy.
import click
from coprs import db, app
from coprs import models


@click.command()
@click.argument("name")
@click.argument("mail")
@click.option("--api-token", "-t", "api_token", required=False)
@click.option("--api-login", "-l", "api_login", required=False)
def add_user(name, mail, api_token=None, api_login=None):
    with app.app_context():
        return add_user_function(name, mail, api_token, api_login)


def add_user_function(name, mail, api_token=None, api_login=None):
    """Only for testing or special accounts: the user is not tied to a FAS account."""
    user = models.User.query.filter(models.User.username == name).first()
    if user:
        print("User named {0} already exists.".format(name))
        return

    user = models.User(username=name, mail=mail)
    if api_token:
        user.api_token = api_token
    if api_login:
        user.api_login = api_login

    db.session.add(user)
    db.session.commit()
