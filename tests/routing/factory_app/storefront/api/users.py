from flask import Blueprint, url_for
from flask.views import MethodView

users_bp = Blueprint("users", __name__)


class UserList(MethodView):
    def get(self) -> str:
        return url_for(".user", user_id=1)

    def post(self) -> str:
        return "created"


class UserItem(MethodView):
    def get(self, user_id: int) -> str:
        return str(user_id)

    def put(self, user_id: int) -> str:
        return str(user_id)

    def delete(self, user_id: int) -> str:
        return str(user_id)


users_bp.add_url_rule("/", view_func=UserList.as_view("list_users"))
users_bp.add_url_rule("/<int:user_id>", view_func=UserItem.as_view("user"))


@users_bp.route("/<int:user_id>/avatar.<any(png, jpg):ext>")
def avatar(user_id: int, ext: str) -> str:
    return ext


@users_bp.route("/search/<float:score>")
def search(score: float) -> str:
    return str(score)
