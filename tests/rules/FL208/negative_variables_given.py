from flask import Flask, url_for

app = Flask(__name__)


@app.route("/posts/", defaults={"page": 1})
@app.route("/posts/page/<int:page>")
def posts(page):
    return url_for("posts")  # the rule with a default can be built


@app.route("/users/<int:user_id>")
def user(user_id):
    return url_for("user", user_id=user_id, _external=True)


def link(values):
    return url_for("user", **values)  # values unknown


def link_positional():
    return url_for("user", _anchor="top", user_id=3)


@app.route("/files/<path:name>")
def files(name):
    return url_for("unknown_endpoint_is_FL207_not_FL208", name=name)  # noqa: FL207
