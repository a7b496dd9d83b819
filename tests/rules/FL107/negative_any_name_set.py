from flask import Flask, g, request

app = Flask(__name__)

with app.app_context():
    g.tenant = "default"


@app.before_request
def load_headers():
    for key, value in request.headers.items():
        setattr(g, key.lower().replace("-", "_"), value)  # may set `g.tenant` too


@app.get("/tenant")
def tenant():
    return {"tenant": g.tenant}
