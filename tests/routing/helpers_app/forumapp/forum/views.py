from flask import Blueprint
from flask.views import MethodView

from ..helpers import register_view

forum = Blueprint("forum", __name__)


class ViewCategory(MethodView):
    def get(self, category_id, slug=None):
        return f"category {category_id}"


class NewTopic(MethodView):
    def get(self, forum_id, slug=None):
        return "form"

    def post(self, forum_id, slug=None):
        return "created"


def markread(forum_id, slug=None):
    return "read"


register_view(
    forum,
    routes=["/category/<int:category_id>", "/category/<int:category_id>-<slug>"],
    view_func=ViewCategory.as_view("view_category"),
)
register_view(
    forum,
    routes=["/<int:forum_id>/topic/new", "/<int:forum_id>-<slug>/topic/new"],
    view_func=NewTopic.as_view("new_topic"),
)
register_view(
    forum,
    ["/<int:forum_id>/markread"],
    markread,
    endpoint="mark_read",
    methods=["POST"],
)
