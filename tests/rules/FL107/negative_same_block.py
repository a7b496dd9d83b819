import click
from flask import Flask, g

app = Flask(__name__)


def report():
    return f"{g.db} for {g.admin}"


@app.cli.command("seed")
def seed():
    g.admin = "ada"
    click.echo(g.admin)


@app.get("/warm")
def warm():
    return {"cache": g.cache}


@app.get("/config")
def config():
    return {"loaded": g.config_loaded}


with app.app_context():
    g.db = "sqlite://"
    g.admin = "root"
    print(report())


with app.app_context():
    g.cache = {"warm": True}
    app.test_client().get("/warm")  # a request inside the block reuses its app context


ctx = app.app_context()
ctx.push()
g.config_loaded = True  # pushed and never popped: whether a request sees it depends on the server
