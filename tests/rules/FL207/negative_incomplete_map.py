from flask import Blueprint, Flask, url_for

from . import plugins

app = Flask(__name__)

for blueprint in plugins.BLUEPRINTS:
    app.register_blueprint(blueprint)  # which blueprints? the map cannot say


@app.route("/")
def index():
    return url_for("billing.invoices")
