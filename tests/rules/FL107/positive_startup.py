from flask import Flask, g, render_template_string

app = Flask(__name__)

with app.app_context():
    g.db = {"users": ["ada"]}
    g.admin = "ada"


@app.get("/users")
def users():
    return {"users": g.db["users"]}  # expect: FL107


@app.get("/admin")
def admin():
    return {"admin": g.admin}  # expect: FL107


@app.errorhandler(404)
def not_found(error):
    return {"known": len(g.db["users"])}, 404  # expect: FL107


@app.context_processor
def inject():
    return {"admin": g.admin}  # expect: FL107


@app.get("/page")
def page():
    return render_template_string("admin: {{ admin }}")
