from .helpers import cart_size, user_name

SIZE = cart_size()  # expect: FL101
GREETING = f"hello {user_name()}"  # expect: FL101
