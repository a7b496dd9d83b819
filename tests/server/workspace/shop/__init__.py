from .helpers import cart_size

SIZE = cart_size()
