from flask import Flask, current_app, g

app = Flask(__name__)


@app.route("/")
def index():
    g.user = "x"
    return current_app.name


@app.cli.command()
def seed():
    current_app.logger.info("seeding")


@app.teardown_appcontext
def close_db(exc):
    db = g.pop("db", None)
    if db is not None:
        db.close()


with app.app_context():
    current_app.logger.info("setup")

ctx = app.app_context()
ctx.push()
current_app.logger.info("pushed")


def create_app():
    app = Flask(__name__)
    app.app_context().push()
    current_app.logger.info("pushed in the factory")
    return app


def helper():
    return current_app.config["X"]


g_value = {"g": 1}
