from flask import Flask, Response, request, stream_with_context

app = Flask(__name__)


@app.get("/wrapped")
def wrapped():
    def generate():
        yield request.args.get("q", "")

    return Response(stream_with_context(generate()))


@stream_with_context
def decorated():
    yield request.path


@app.get("/decorated")
def uses_decorated():
    return Response(decorated())


@app.get("/values")
def reads_first():
    query = request.args.get("q", "")  # read in the view, passed in: fine

    def generate(q):
        yield q

    return Response(generate(query))


def numbers():
    yield from range(10)


@app.get("/numbers")
def no_request():
    return Response(numbers())


def consumed():
    yield request.path


@app.get("/joined")
def joined_in_the_view():
    return "".join(consumed())  # runs inside the view, inside the request context
