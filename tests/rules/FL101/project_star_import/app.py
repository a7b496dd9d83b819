from flask import *  # noqa: F403

app = Flask(__name__)  # noqa: F405
FORM = request.form  # expect: FL101
