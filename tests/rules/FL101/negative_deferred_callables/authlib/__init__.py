from . import views  # noqa: F401  (registers the routes at import)
