from flask import Flask

app = Flask(__name__)

app.app_context()  # expect: FL105
print("created")


def make():
    app.test_request_context("/")  # expect: FL105
    return 1


def unused():
    ctx = app.app_context()  # expect: FL105
    return None
