"""Left over from before the factory: binds a second instance to an app nobody serves."""

import flask
import flask_mail

app = flask.Flask(__name__)
mail = flask_mail.Mail(app)  # expect: FL502
