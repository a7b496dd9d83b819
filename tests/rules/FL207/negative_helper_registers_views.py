from flask import Blueprint, Flask, url_for

app = Flask(__name__)
forum = Blueprint("forum", __name__)


def register_view(bp_or_app, routes, view_func, **kwargs):
    for route in routes:
        bp_or_app.add_url_rule(route, view_func=view_func, **kwargs)


def index():
    return url_for("forum.index")  # registered by the helper: its name is not in the map


register_view(forum, routes=["/"], view_func=index)
app.register_blueprint(forum)
