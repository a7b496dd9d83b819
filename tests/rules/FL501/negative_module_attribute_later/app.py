from flask import Flask

import views

app = Flask(__name__)
views.register()
