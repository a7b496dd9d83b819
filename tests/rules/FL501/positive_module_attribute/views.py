import app


@app.app.route("/")  # expect: FL501
def index():
    return "hello"
