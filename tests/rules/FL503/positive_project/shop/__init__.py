from flask import Flask

from .extensions import db
from .services import register_user

app = Flask(__name__)
db.init_app(app)


@app.post("/register")
def register():
    user = register_user("ada")  # expect: FL503
    return {"name": user.name}
