from flask import Blueprint

bp = Blueprint("pages", __name__)


def home():
    return "home"


def about():
    return "about"


for rule, view in [("/", home), ("/about", about)]:
    bp.add_url_rule(rule, view_func=view)
