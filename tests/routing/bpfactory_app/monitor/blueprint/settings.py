from flask import Blueprint


def construct_blueprint(store):
    settings_blueprint = Blueprint("settings", __name__)

    @settings_blueprint.route("", methods=["GET", "POST"])
    def settings_page():
        return str(store)

    @settings_blueprint.route("/notifications")
    def notifications():
        return "notifications"

    return settings_blueprint
