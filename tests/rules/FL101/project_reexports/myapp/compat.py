from flask import request as flask_request
from flask import session

request = flask_request
current_session = session
