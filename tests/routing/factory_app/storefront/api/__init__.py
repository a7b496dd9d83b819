from flask import Blueprint

from .users import users_bp

api_bp = Blueprint("api", __name__, url_prefix="/ignored")
# Nested: endpoints become api.users.<view>, rules /api/v1/users/...
api_bp.register_blueprint(users_bp, url_prefix="users")
