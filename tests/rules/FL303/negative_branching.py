from flask import Flask, request

app = Flask(__name__)


@app.post("/a")
def branch_on_is_json():
    if request.is_json:
        return request.get_json()
    return request.form.to_dict()


@app.post("/b")
def silent_json():
    data = request.get_json(silent=True) or request.form
    return dict(data)


@app.post("/c")
def form_first():
    return dict(request.form or request.json)


@app.post("/d")
def by_mimetype():
    if request.mimetype == "application/json":
        return request.json
    return dict(request.form)


@app.post("/e")
def by_header():
    if "json" in request.headers.get("Content-Type", ""):
        return request.json
    return dict(request.form)


@app.post("/f")
def json_only():
    return request.get_json()


@app.post("/g")
def separate_functions():
    def from_form():
        return dict(request.form)

    return request.json, from_form


def not_flask(request):
    return request.json, request.form
