from flask import Flask, g

app = Flask(__name__)


@app.cli.command("export")
def export():
    # Stands in for the user an extension sets per request (Superset's commands set `g.user`,
    # which Flask-AppBuilder's own `before_request` sets for every request).
    g.user = "admin"
    print(owner())


def owner():
    return g.user


@app.get("/owner")
def show_owner():
    return {"owner": g.user}
