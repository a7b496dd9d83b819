# fedora-copr/copr frontend/coprs_frontend/manage.py @ 9d103adb22b0e207ee85619d78afd08bf252c008 (after) the fix 9d103adb22b0e207ee85619d78afd08bf252c008: plain click commands added to app.cli (unchanged by the fix)
# Reduced by hand from the project's file (tests/realbugs/README.md); not a verbatim copy.
import commands.add_user
from coprs import app

commands_list = {
    "add_user": commands.add_user.add_user,
}

for cmd_name, cmd_obj in commands_list.items():
    app.cli.add_command(cmd_obj, cmd_name.replace("_", "-"))

if __name__ == "__main__":
    app.cli()
