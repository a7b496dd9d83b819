# grei-ufc/pade pade/cli/pade_cmd.py @ a8a6556f3bfdcef786582fd90ff286cb1d5bddb5 (before) the fix 6244b5baeff5b6c06e74c87d267b43f8010cc54d: the web server runs in a multiprocessing.Process subclass (unchanged by the fix)
# Reduced by hand from the project's file (tests/realbugs/README.md); not a verbatim copy.
import multiprocessing


class FlaskServerProcess(multiprocessing.Process):
    """Runs the Flask web interface in its own process."""

    secure = None

    def __init__(self, secure):
        self.secure = secure
        multiprocessing.Process.__init__(self)

    def run(self):
        from pade.web.flask_server import run_server
        run_server(self.secure)
