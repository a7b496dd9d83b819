from .base import TenantFlask


def create_app():
    app = TenantFlask(__name__)
    from .views import admin, main

    app.register_blueprint(main)
    app.register_blueprint(admin)

    @app.route("/health")
    def health():
        return "ok"

    return app
