from flask import Blueprint

admin_bp = Blueprint("admin", __name__, url_prefix="/admin", static_folder="static", subdomain=None)


@admin_bp.route("")
def dashboard() -> str:
    return "admin"


@admin_bp.route("reports/<int:page>")
def reports(page: int) -> str:
    return str(page)
