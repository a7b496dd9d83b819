from flask import Blueprint, redirect, url_for

bp = Blueprint("pages", __name__)


@bp.route("/")
def index() -> str:
    return url_for(".post", year=2024, slug="hello")


@bp.route("/posts/<int:year>/<slug>")
@bp.route("/posts/latest", defaults={"year": 0, "slug": "latest"})
def post(year: int, slug: str) -> str:
    return f"{year}/{slug}"


@bp.get("/files/<path:name>")
def download(name: str) -> str:
    return redirect(url_for("pages.index"))


@bp.post("/contact")
def contact() -> str:
    return url_for("about")


def about() -> str:
    return "about"
