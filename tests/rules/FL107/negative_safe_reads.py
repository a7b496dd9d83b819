from flask import Flask, g

app = Flask(__name__)

with app.app_context():
    g.user = "ada"


@app.get("/get")
def with_get():
    return {"user": g.get("user")}


@app.get("/getattr")
def with_getattr():
    return {"user": getattr(g, "user", None)}


@app.get("/in")
def with_in():
    return {"user": g.user if "user" in g else None}


@app.get("/hasattr")
def with_hasattr():
    if hasattr(g, "user"):
        return {"user": g.user}
    return {"user": None}


@app.get("/early-exit")
def early_exit():
    if "user" not in g:
        return {"user": None}
    return {"user": g.user}


@app.get("/try")
def with_try():
    try:
        return {"user": g.user}
    except AttributeError:
        return {"user": None}
