"""A decorator factory whose wrapper lacks functools.wraps."""


def roles(*names):
    def decorator(view):
        def checked(*args, **kwargs):
            return view(*args, **kwargs)

        return checked

    return decorator
