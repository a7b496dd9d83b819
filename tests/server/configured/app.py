from flask import Flask, current_app, request

app = Flask(__name__)
NAME = current_app.name
ARGS = request.args
app.app_context()
