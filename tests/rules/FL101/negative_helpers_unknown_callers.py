from flask import request, session


def user_agent():
    return request.user_agent.string


def cart():
    return session.get("cart", [])


def outer():
    return cart()


lazy = lambda: request.args  # noqa: E731
