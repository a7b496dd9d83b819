import contextlib

from flask import Flask

app = Flask(__name__)


@contextlib.contextmanager
def app_ctx():
    with app.app_context():
        yield


def returns_it():
    return app.app_context()


def passes_it(stack: contextlib.ExitStack):
    stack.enter_context(app.test_request_context("/"))


class Holder:
    def __init__(self):
        self.ctx = app.app_context()


with app_ctx():
    pass


_test_request_context = None


def make_app():
    app = Flask(__name__)
    # Kept in a global: a helper elsewhere pushes it when it needs one.
    global _test_request_context
    _test_request_context = app.test_request_context()
    return app


shared_context = Flask("shared").app_context()  # a module global: importers may push it
