from flask import Flask, current_app

app = Flask(__name__)

NAME = current_app.name
