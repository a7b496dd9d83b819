def register_view(bp_or_app, routes, view_func, *args, **kwargs):
    """Register one view under several rules."""
    for route in routes:
        bp_or_app.add_url_rule(route, view_func=view_func, *args, **kwargs)  # noqa: B026


def register_api(target, rule, view):
    target.add_url_rule(rule, view_func=view, methods=["GET", "PUT"])
