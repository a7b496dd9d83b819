from flask import Blueprint, current_app

bp = Blueprint("portal", __name__)
TITLE = current_app.config.get("TITLE", "Portal")
