from .session import ShopSessionInterface
from .wrappers import ShopFlask


def create_app():
    app = ShopFlask(__name__)
    app.session_interface = ShopSessionInterface()
    return app
