from flask import Flask

app = Flask(__name__)

with app.app_context():
    pass

ctx = app.app_context()
ctx.push()

app.test_request_context("/").push()


def fixture():
    context = app.test_request_context()
    return context


def entered_later():
    context = app.app_context()
    with context:
        pass
