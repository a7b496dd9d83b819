from flask import redirect

from .wrappers import MountedBlueprint, PortalBlueprint

main = PortalBlueprint("main", __name__)
admin = MountedBlueprint("admin", __name__, url_prefix="/admin")


@main.route("/")
def index():
    return "index"


@main.get("/about")
def about():
    return "about"


def users():
    return "users"


admin.add_url_rule("/users", "users", users, methods=["GET", "POST"])


@admin.route("/")
def dashboard():
    return redirect("/admin/users")
