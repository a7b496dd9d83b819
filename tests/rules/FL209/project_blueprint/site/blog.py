import flask

blog = flask.Blueprint("blog", __name__)


@blog.route("/<slug>")
def post(slug):
    return slug


@blog.route("/")
def index():
    return flask.redirect("/blog/hello-world")  # expect: FL209
