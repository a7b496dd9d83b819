from flask import Flask

from .views import posts


def create_app():
    app = Flask(__name__)
    app.register_blueprint(posts)

    @posts.route("/drafts")  # expect: FL205
    def drafts():
        return "drafts"

    posts.add_url_rule("/feed", "feed", drafts)  # expect: FL205
    return app
