from flask import session


def cart_size():
    return len(_cart())


def _cart():
    return session.get("cart", [])


def user_name():
    return session["user"]
