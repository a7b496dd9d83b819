from shop import app  # expect: FL501


@app.route("/admin")
def admin():
    return "admin"
