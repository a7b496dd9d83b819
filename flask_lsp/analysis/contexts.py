"""Which Flask contexts are active when a piece of code runs, and why.

Flask pushes an *application context* and a *request context* around each request, an
application context around CLI commands, and nothing at import time. Code is classified where
it is defined (a view, a CLI command, a thread target, an app factory...) and refined by the
`with app.app_context():` / `ctx.push()` blocks around it. A function that nobody registers is a
*helper*: its context is unknown here and is judged by its callers across the workspace.
"""

from __future__ import annotations

from dataclasses import dataclass

from .pickling import by_fields

# Decorator (or registration method) names that make a function run inside a request.
REQUEST_HOOKS = frozenset(
    [
        "route",
        "get",
        "post",
        "put",
        "patch",
        "delete",
        "errorhandler",
        "app_errorhandler",
        "register_error_handler",
        "before_request",
        "before_app_request",
        "after_request",
        "after_app_request",
        "teardown_request",
        "teardown_app_request",
        "context_processor",
        "app_context_processor",
        "url_value_preprocessor",
        "app_url_value_preprocessor",
        "url_defaults",
        "app_url_defaults",
        "before_first_request",
        "template_filter",
        "template_global",
        "template_test",
        "app_template_filter",
        "app_template_global",
        "app_template_test",
        "add_template_filter",
        "add_template_global",
        "add_template_test",
    ]
)

# Hooks that run with an application context but never a request.
APP_HOOKS = frozenset({"teardown_appcontext", "shell_context_processor"})

# Blueprint callbacks that run while the blueprint is registered, with no context at all.
NO_CONTEXT_HOOKS = frozenset({"record", "record_once"})

# Decorators that turn a function into a background-task body (Celery, RQ, Dramatiq, Huey).
TASK_DECORATORS = frozenset({"task", "shared_task", "job", "actor", "periodic_task"})

# Context managers on an app that push a context for their body.
APP_CONTEXT_MANAGERS = frozenset({"app_context"})
REQUEST_CONTEXT_MANAGERS = frozenset({"test_request_context", "request_context", "test_client"})

# Names (and their simple aliases) of Flask's context-dependent objects.
PROXIES = {
    "flask.request": "request",
    "flask.session": "request",
    "flask.current_app": "app",
    "flask.g": "app",
    "flask.url_for": "url_for",
}
PROXY_NAMES = frozenset(name.rpartition(".")[2] for name in PROXIES)

FLASK_DOCS = {
    "request": "https://flask.palletsprojects.com/en/stable/reqcontext/",
    "app": "https://flask.palletsprojects.com/en/stable/appcontext/",
    "url_for": "https://flask.palletsprojects.com/en/stable/api/#flask.url_for",
}


@by_fields
@dataclass(frozen=True, slots=True)
class ExecContext:
    """Whether a request / app context is active: True, False, or None for "not known here"."""

    request: bool | None
    app: bool | None
    reason: str

    @property
    def known(self) -> bool:
        return self.request is not None or self.app is not None

    def with_app(self, reason: str) -> ExecContext:
        if self.app:
            return self
        return ExecContext(self.request, True, reason)

    def with_request(self, reason: str) -> ExecContext:
        return ExecContext(True, True, reason)


def at_import_time(
    reason: str = "at import time, before Flask has pushed any context",
) -> ExecContext:
    return ExecContext(False, False, reason)


def in_request(reason: str) -> ExecContext:
    return ExecContext(True, True, reason)


def in_app_only(reason: str) -> ExecContext:
    return ExecContext(False, True, reason)


def in_task(reason: str) -> ExecContext:
    return ExecContext(False, None, reason)


UNKNOWN = ExecContext(None, None, "a helper; its context depends on who calls it")


def satisfies(ctx: ExecContext, need: str, server_name_configured: bool) -> bool | None:
    """Does `ctx` provide what a `need` ("request", "app", "url_for") requires? None: unknown."""
    if need == "request":
        return ctx.request
    if need == "app":
        return ctx.app
    # url_for: an app context is required; without a request it also needs SERVER_NAME.
    if ctx.app is False:
        return False
    if ctx.request is False and ctx.app is True:
        return server_name_configured
    if ctx.request is True:
        return True
    return None


def with_pushed(ctx: ExecContext, pushed: frozenset[str], reason: str) -> ExecContext:
    """`ctx` where `with` blocks (or `push()` calls) above have pushed the contexts in `pushed`."""
    if "request" in pushed:
        return ctx.with_request(reason)
    if "app" in pushed:
        return ctx.with_app(reason)
    return ctx
