def register(target):
    from app import app  # runs when called, after `app` exists

    assert target is app

    @app.route("/")
    def index():
        return "hello"
