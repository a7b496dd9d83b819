"""Code the route map must survive: cycles, half-typed calls, odd arguments. No crash, no noise."""

from __future__ import annotations

import logging
from pathlib import Path
from textwrap import dedent

import pytest

from flask_lsp.analysis.routes import route_map
from flask_lsp.engine.checker import Project, check_text

ODD = {
    "assignment-cycle": """\
        from flask import Flask

        def f():
            a = b
            b = a

            @a.route("/")
            def view():
                return ""
        """,
    "registration-cycle": """\
        from flask import Blueprint, Flask

        app = Flask(__name__)
        a = Blueprint("a", __name__)
        b = Blueprint("b", __name__)
        a.register_blueprint(b)
        b.register_blueprint(a)
        app.register_blueprint(a)

        @b.route("/b")
        def view():
            return ""
        """,
    "self-registration": """\
        from flask import Blueprint, Flask

        app = Flask(__name__)
        bp = Blueprint("bp", __name__)
        bp.register_blueprint(bp)
        app.register_blueprint(bp)
        """,
    "half-typed": """\
        from flask import Blueprint, Flask, url_for

        app = Flask(__name__)
        bp = Blueprint(

        @app.route(
        def view():
            return url_for(
        """,
    "odd-arguments": """\
        from flask import Blueprint, Flask, redirect, url_for

        app = Flask(__name__)
        bp = Blueprint()
        other = Blueprint(name=None, import_name=__name__, url_prefix=3)
        app.register_blueprint()
        app.register_blueprint(*blueprints)
        app.register_blueprint(other, **options)
        app.add_url_rule()
        app.add_url_rule(rule=None)

        @app.route(b"/bytes", methods="GET")
        def view():
            return redirect(url_for(*args)) or redirect(f"/{view}") or url_for(endpoint=None)
        """,
}


@pytest.mark.parametrize("source", ODD.values(), ids=ODD.keys())
def test_odd_code_is_survived(source: str) -> None:
    text = dedent(source)
    findings = check_text(text, "odd.py")
    assert all(f.code.startswith("FL") for f in findings)
    project = Project()
    project.set_text("odd.py", text, pinned=True)
    rmap = route_map(project.workspace)
    assert all(route.rule is not None for route in rmap.routes)


def test_a_registration_cycle_stops() -> None:
    project = Project()
    project.set_text("odd.py", dedent(ODD["registration-cycle"]), pinned=True)
    rules = sorted(r.rule for r in route_map(project.workspace).routes)
    assert rules == ["/b", "/static/<path:filename>"]


def test_methods_that_merely_share_a_name_do_not_make_the_map_incomplete() -> None:
    source = """\
        from flask import Flask

        app = Flask(__name__)


        class Collector:
            def add_url_rule(self, node):
                return node

            def run(self, node):
                self.add_url_rule(node)


        @cache.get("key")
        def cached():
            return 1
        """
    project = Project()
    project.set_text("tool.py", dedent(source), pinned=True)
    assert route_map(project.workspace).incomplete == []


FIXTURES = sorted((Path(__file__).parent.parent / "rules").glob("FL2*/positive_*.py"))


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_half_typed_versions_of_the_fixtures_never_break_a_rule(
    fixture: Path, caplog: pytest.LogCaptureFixture
) -> None:
    """Cut each file at many points, as an editor sees it while typing: no rule may fail."""
    text = fixture.read_text(encoding="utf-8")
    for cut in range(0, len(text), max(len(text) // 25, 1)):
        check_text(text[:cut], str(fixture))
    failures = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert failures == []


def test_an_app_class_with_its_own_init_leaves_the_static_route_unknown(tmp_path: Path) -> None:
    """`class PortalFlask(Flask)` whose `__init__` passes its own arguments to Flask's: the
    static route is not guessed, and the map says why it may be incomplete."""
    (tmp_path / "portal.py").write_text(
        "from flask import Flask\n\n\n"
        "class PortalFlask(Flask):\n"
        "    def __init__(self, name):\n"
        '        super().__init__(name, static_url_path="/assets")\n\n\n'
        "app = PortalFlask(__name__)\n\n\n"
        '@app.route("/")\n'
        "def index():\n"
        '    return "index"\n'
    )
    project = Project()
    project.index_paths([tmp_path])
    rmap = route_map(project.workspace)
    assert [(r.endpoint, r.rule) for r in rmap.routes if r.registered] == [("index", "/")]
    (gap,) = rmap.incomplete
    assert "`__init__` is its own" in gap.reason
    assert (Path(gap.path).name, gap.line) == ("portal.py", 9)


def test_an_instance_of_a_class_that_is_not_flask_adds_no_app(tmp_path: Path) -> None:
    (tmp_path / "tasks.py").write_text(
        "class Router:\n"
        "    def route(self, rule):\n"
        "        return lambda f: f\n\n\n"
        "router = Router()\n\n\n"
        '@router.route("/jobs")\n'
        "def jobs():\n"
        '    return "jobs"\n'
    )
    project = Project()
    project.index_paths([tmp_path])
    rmap = route_map(project.workspace)
    assert not rmap.apps
    assert not [r for r in rmap.routes if r.registered]


def test_a_blueprint_named_by_a_module_constant(tmp_path: Path) -> None:
    """`MODULE_NAME = "about"` then `Blueprint(MODULE_NAME, __name__)` (pgAdmin's modules)."""
    (tmp_path / "about.py").write_text(
        "from flask import Blueprint, Flask\n\n"
        'MODULE_NAME = "about"\n'
        'PREFIX = "/about"\n'
        "bp = Blueprint(MODULE_NAME, __name__, url_prefix=PREFIX)\n\n\n"
        '@bp.route("/version")\n'
        "def version():\n"
        '    return "1"\n\n\n'
        "app = Flask(__name__)\n"
        "app.register_blueprint(bp)\n"
    )
    project = Project()
    project.index_paths([tmp_path])
    rmap = route_map(project.workspace)
    routes = {(r.endpoint, r.rule) for r in rmap.routes if r.registered}
    assert ("about.version", "/about/version") in routes
    assert rmap.complete


def test_a_factory_that_returns_the_module_global_app(tmp_path: Path) -> None:
    """calibre-web's shape: the factory configures the package's global app and returns it;
    `main()` registers the blueprints on what the factory returned."""
    package = tmp_path / "cps"
    package.mkdir()
    (package / "__init__.py").write_text(
        "from flask import Flask\n\n"
        "app = Flask(__name__)\n\n\n"
        "def create_app():\n"
        '    app.config["X"] = 1\n'
        "    return app\n"
    )
    (package / "web.py").write_text(
        "from flask import Blueprint\n\n"
        'web = Blueprint("web", __name__)\n\n\n'
        '@web.route("/")\n'
        "def index():\n"
        '    return "index"\n'
    )
    (package / "main.py").write_text(
        "from . import create_app\n\n\n"
        "def main():\n"
        "    app = create_app()\n"
        "    from .web import web\n\n"
        "    app.register_blueprint(web)\n"
        "    app.run()\n"
    )
    project = Project()
    project.index_paths([tmp_path])
    rmap = route_map(project.workspace)
    assert {(r.endpoint, r.rule) for r in rmap.routes if r.registered} == {
        ("web.index", "/"),
        ("static", "/static/<path:filename>"),
    }
    assert rmap.complete


def test_a_helper_call_the_map_cannot_read_is_a_gap_not_a_guess(tmp_path: Path) -> None:
    """`register_view` applied to rules computed at run time adds no route, and the map says
    where it stopped; its other calls still count, each with its own rules and view."""
    (tmp_path / "helpers.py").write_text(
        "def register_view(bp, routes, view_func, **kwargs):\n"
        "    for route in routes:\n"
        "        bp.add_url_rule(route, view_func=view_func, **kwargs)\n"
    )
    (tmp_path / "app.py").write_text(
        "from flask import Blueprint, Flask\n\n"
        "from helpers import register_view\n\n"
        'bp = Blueprint("shop", __name__)\n\n\n'
        "def cart():\n    return 'cart'\n\n\n"
        "def rules():\n    return ['/basket']\n\n\n"
        'register_view(bp, ["/cart", "/cart/"], cart)\n'
        "register_view(bp, rules(), cart)\n"
        'register_view(bp, ["/pay"], cart, endpoint="pay", strict_slashes=False)\n'
        "app = Flask(__name__)\n"
        'app.register_blueprint(bp, url_prefix="/shop")\n'
    )
    project = Project()
    project.index_paths([tmp_path])
    rmap = route_map(project.workspace)
    assert sorted((r.endpoint, r.rule) for r in rmap.routes if r.endpoint != "static") == [
        ("shop.cart", "/shop/cart"),
        ("shop.cart", "/shop/cart/"),
    ]
    assert sorted((Path(g.path).name, g.line, g.reason) for g in rmap.incomplete) == [
        ("app.py", 17, "a call of a route helper flask-lsp cannot follow"),
        ("app.py", 18, "a call of a route helper flask-lsp cannot follow"),
    ]


def test_a_registration_helper_called_for_two_apps_registers_on_both(tmp_path: Path) -> None:
    (tmp_path / "blog.py").write_text(
        "from flask import Blueprint\n\n"
        'bp = Blueprint("blog", __name__)\n\n\n'
        '@bp.route("/posts")\ndef posts():\n    return "posts"\n\n\n'
        "def register(app):\n"
        '    app.register_blueprint(bp, url_prefix="/blog")\n'
    )
    (tmp_path / "sites.py").write_text(
        "from flask import Flask\n\nimport blog\n\n"
        "public = Flask(__name__)\n"
        "blog.register(public)\n"
        "admin = Flask(__name__, static_folder=None)\n"
        "blog.register(admin)\n"
    )
    project = Project()
    project.index_paths([tmp_path])
    rmap = route_map(project.workspace)
    assert sorted(rmap.apps) == ["sites.admin", "sites.public"]
    assert sorted((r.app, r.endpoint, r.rule) for r in rmap.routes) == [
        ("sites.admin", "blog.posts", "/blog/posts"),
        ("sites.public", "blog.posts", "/blog/posts"),
        ("sites.public", "static", "/static/<path:filename>"),
    ]
    assert rmap.incomplete == []
