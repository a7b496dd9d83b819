from flask import Flask, request

app = Flask(__name__)
DEFAULTS = {"page": 1}


@app.route("/items")
def items():
    a = request.args.get("page", "1")
    b = request.args.get("page", 1, type=int)
    c = request.args.get("page", 1, int)
    d = request.args.get("q")
    e = request.args.get("q", None)
    f = request.args.get("page", DEFAULTS["page"])
    g = DEFAULTS.get("page", 1)
    return a, b, c, d, e, f, g


def helper(request):
    return request.args.get("page", 1)


@app.route("/converted")
def converted():
    try:
        page = int(request.args.get("page", 1))
    except (TypeError, ValueError):
        page = 1
    return str(page)


@app.route("/compared")
def compared_with_strings():
    # Only ever compared with strings: the False default compares unequal, as meant.
    verbose = request.args.get("verbose", False) == "true"
    mode = request.args.get("mode", 0) in ("fast", "slow")
    return str(verbose and mode)
