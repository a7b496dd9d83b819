from flask import Blueprint


def construct_blueprint(store):
    settings = Blueprint("settings", __name__)

    @settings.route("", methods=["GET", "POST"])
    def settings_page():
        return store.render()

    @settings.route("notifications")
    def notifications():
        return store.notifications()

    return settings
