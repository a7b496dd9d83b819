from app import app  # expect: FL501


@app.route("/")
def index():
    return "hello"
