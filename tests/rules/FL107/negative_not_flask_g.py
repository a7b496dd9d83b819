from types import SimpleNamespace

from flask import Flask

app = Flask(__name__)
g = SimpleNamespace()

with app.app_context():
    g.db = "sqlite://"


@app.get("/db")
def db():
    return {"db": g.db}


@app.get("/local")
def local():
    g = SimpleNamespace(db="memory")
    return {"db": g.db}
