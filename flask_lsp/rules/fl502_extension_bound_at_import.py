"""FL502: an extension bound to a module-level app (`db = SQLAlchemy(app)`) in a project with a factory."""

from __future__ import annotations

from collections.abc import Iterator

from flask_lsp.analysis import edits
from flask_lsp.analysis.findings import Finding, Fix, Related, Severity, Span
from flask_lsp.analysis.module import ModuleFacts
from flask_lsp.analysis.structure import ExtensionBinding, Factory

from ._data import imported_by, structure
from .base import Rule, RuleContext

EXPLANATION = """\
`SQLAlchemy(app)`, `LoginManager(app)`, `Migrate(app, db)`, `CORS(app)`... bind the extension to
*that* app object, once, when the module is imported. In a project that creates its apps with a
factory (`create_app()`), the apps the factory returns (the one `flask run` serves, the one each
test creates) were never registered with the extension, and the first use fails. Flask-SQLAlchemy
3.1 says:

    RuntimeError: The current Flask app is not registered with this 'SQLAlchemy' instance.
    Did you forget to call 'init_app', or did you create multiple 'SQLAlchemy' instances?

flask-lsp reports a `flask_*` extension constructed with a module-level `Flask(...)` app at
import time when the same module, or a module that imports it, defines an app factory (a
standalone script with its own app is judged apart from a factory elsewhere in the repository). Binding inside the factory,
or to an app that the factory itself made (`app = create_app()` in `wsgi.py`), is not reported.

**How to fix.** Create extensions unbound and bind them in the factory:

    db = SQLAlchemy()

    def create_app():
        app = Flask(__name__)
        app.config.from_object(...)
        db.init_app(app)
        return app

The quick fix does this when the factory is in the same file: it drops the app from the
constructor and adds `<name>.init_app(app, ...)` just before the factory's `return app`.
"""


def check(rc: RuleContext) -> Iterator[Finding]:
    bindings = [e for e in structure(rc.module.facts).extensions if not e.app_from_factory]
    if not bindings:
        return
    factory = _a_factory(rc)
    if factory is None:
        return
    where, info = factory
    for binding in bindings:
        message = (
            f"`{binding.callee}({binding.app_arg})` binds the extension to the module-level "
            f"`{binding.app_arg}` at import time, but apps come from the factory "
            f"`{info.name}()`: those apps are not registered with it. Create it unbound and "
            f"call `init_app(app)` in `{info.name}()`"
        )
        related = [
            Related(
                where.path, Span(info.line, 0, info.line, 0), f"the app factory `{info.name}()`"
            )
        ]
        fix = _fix(rc, binding, info) if where.path == rc.path else None
        yield rc.finding(binding.span, message, fix=fix, related=related)


def _a_factory(rc: RuleContext) -> tuple[ModuleFacts, Factory] | None:
    """This module's factory if it has one, else one in a module that imports this one
    (directly or not): the apps of an unrelated factory elsewhere never meet this binding."""
    here = structure(rc.module.facts).factories
    if here:
        return rc.module.facts, here[0]
    for path in sorted(imported_by(rc.workspace, rc.path)):
        module = rc.workspace.modules[path]
        factories = structure(module).factories
        if factories:
            return module, factories[0]
    return None


def _fix(rc: RuleContext, binding: ExtensionBinding, factory: Factory) -> Fix | None:
    if (
        binding.target is None
        or binding.statement is None
        or factory.return_line is None
        or factory.app_var is None
    ):
        return None
    if binding.positional[:1] and binding.positional[0] != binding.app_arg:
        return None
    rest = list(binding.positional[1:])
    keywords = [k for k in binding.keywords if not k.startswith("app=")]
    constructor = edits.replace(binding.args_span, f"({', '.join(keywords)})")
    arguments = ", ".join([factory.app_var, *rest])
    indent = rc.module.source.indent_of(factory.return_line)
    init = edits.insert_line_before(
        rc.module.source, factory.return_line, f"{indent}{binding.target}.init_app({arguments})"
    )
    return Fix(
        f"Create `{binding.target}` unbound; call `{binding.target}.init_app({arguments})` in "
        f"`{factory.name}()`",
        (constructor, init),
    )


RULE = Rule(
    code="FL502",
    name="extension-bound-at-import",
    title="an extension bound to a module-level app (`SQLAlchemy(app)`) in a project with an app factory",
    severity=Severity.WARNING,
    explanation=EXPLANATION,
    check=check,
    fixable=True,
    docs=(
        "https://flask.palletsprojects.com/en/stable/patterns/appfactories/",
        "https://flask-sqlalchemy.readthedocs.io/en/stable/quickstart/#initialize-the-extension",
    ),
)
