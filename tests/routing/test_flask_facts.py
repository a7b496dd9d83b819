"""The run-time behaviour each FL2xx rule relies on, checked against the installed Flask.

If a Flask release changes one of these, the matching rule must change with it."""

from __future__ import annotations

import functools
from collections.abc import Callable

import pytest
from flask import Blueprint, Flask, url_for
from flask.views import MethodView
from werkzeug.routing import BuildError


def view() -> str:
    return "ok"


def test_fl201_a_repeated_prefix_doubles_the_url() -> None:
    app = Flask(__name__)
    bp = Blueprint("api", __name__, url_prefix="/api")
    bp.add_url_rule("/api/users", "users", view)
    app.register_blueprint(bp)
    client = app.test_client()
    assert client.get("/api/api/users").status_code == 200
    assert client.get("/api/users").status_code == 404


def test_fl202_no_leading_slash_raises_only_without_a_prefix() -> None:
    app = Flask(__name__)
    with pytest.raises(ValueError, match="URL rule 'about' must start with a slash"):
        app.add_url_rule("about", "about", view)
    bare = Blueprint("bare", __name__)
    bare.add_url_rule("users", "users", view)
    with pytest.raises(ValueError, match="URL rule 'users' must start with a slash"):
        app.register_blueprint(bare)
    prefixed = Blueprint("prefixed", __name__, url_prefix="/api")
    prefixed.add_url_rule("users", "users", view)
    app.register_blueprint(prefixed)
    assert app.test_client().get("/api/users").status_code == 200


def test_fl202_a_prefix_without_slash_raises() -> None:
    app = Flask(__name__)
    bp = Blueprint("shop", __name__, url_prefix="shop")
    bp.add_url_rule("/cart", "cart", view)
    with pytest.raises(ValueError, match="URL rule 'shop/cart' must start with a slash"):
        app.register_blueprint(bp)


def test_fl203_the_registration_prefix_replaces_the_blueprints() -> None:
    app = Flask(__name__)
    bp = Blueprint("admin", __name__, url_prefix="/admin")
    bp.add_url_rule("/", "home", view)
    app.register_blueprint(bp, url_prefix="/staff")
    assert {r.rule for r in app.url_map.iter_rules()} >= {"/staff/"}
    assert app.test_client().get("/admin/").status_code == 404


def test_fl204_registering_one_name_twice_raises() -> None:
    app = Flask(__name__)
    bp = Blueprint("account", __name__)
    app.register_blueprint(bp)
    with pytest.raises(ValueError, match="Use 'name=' to provide a unique name"):
        app.register_blueprint(bp, url_prefix="/me")
    app.register_blueprint(bp, url_prefix="/me", name="me")
    Flask("other").register_blueprint(bp)  # another app: fine


def test_fl205_setup_after_registration_raises() -> None:
    app = Flask(__name__)
    bp = Blueprint("bp", __name__)
    app.register_blueprint(bp)
    with pytest.raises(AssertionError, match="setup method 'route' can no longer be called"):
        bp.route("/late")(view)


def _without_wraps(f: Callable[[], str]) -> Callable[[], str]:
    def wrapper() -> str:
        return f()

    return wrapper


def _with_wraps(f: Callable[[], str]) -> Callable[[], str]:
    @functools.wraps(f)
    def wrapper() -> str:
        return f()

    return wrapper


def test_fl206_two_functions_for_one_endpoint_raise() -> None:
    app = Flask(__name__)

    def a() -> str:
        return "a"

    def b() -> str:
        return "b"

    app.add_url_rule("/a", "page", a)
    app.add_url_rule("/a2", "page", a)  # one function on two rules: fine
    with pytest.raises(AssertionError, match="overwriting an existing endpoint function: page"):
        app.add_url_rule("/b", "page", b)


def test_fl206_decorators_without_wraps_collide_and_with_wraps_do_not() -> None:
    app = Flask(__name__)

    def one() -> str:
        return "1"

    def two() -> str:
        return "2"

    app.route("/one")(_without_wraps(one))
    with pytest.raises(AssertionError, match="endpoint function: wrapper"):
        app.route("/two")(_without_wraps(two))
    app.route("/three")(_with_wraps(one))
    app.route("/four")(_with_wraps(two))


def test_fl206_every_as_view_call_is_a_new_function() -> None:
    class Items(MethodView):
        def get(self) -> str:
            return "items"

    app = Flask(__name__)
    reused = Items.as_view("items")
    app.add_url_rule("/items", view_func=reused)
    app.add_url_rule("/all-items", view_func=reused)
    with pytest.raises(AssertionError, match="endpoint function: items"):
        app.add_url_rule("/more", view_func=Items.as_view("items"))


def test_fl207_unknown_endpoints_raise_and_app_level_dots_are_dropped() -> None:
    app = Flask(__name__)
    bp = Blueprint("main", __name__)
    bp.add_url_rule("/", "index", view)
    app.add_url_rule("/home", "home", view)
    app.register_blueprint(bp)
    with app.test_request_context("/home"):
        assert url_for(".home") == "/home"  # app-level view: the dot is dropped
        with pytest.raises(BuildError, match=r"Did you mean 'main\.index' instead"):
            url_for("index")
    with app.test_request_context("/"):
        assert url_for(".index") == "/"


def test_fl208_a_missing_variable_raises_unless_a_rule_has_a_default() -> None:
    app = Flask(__name__)
    app.add_url_rule("/users/<int:user_id>", "user", view)
    app.add_url_rule("/posts/", "posts", view, defaults={"page": 1})
    app.add_url_rule("/posts/page/<int:page>", "posts", view)
    with app.test_request_context():
        with pytest.raises(BuildError, match="Did you forget to specify values"):
            url_for("user")
        assert url_for("user", user_id=3, _external=True).endswith("/users/3")
        assert url_for("posts") == "/posts/"


def test_fl210_an_unregistered_blueprint_serves_nothing() -> None:
    app = Flask(__name__)
    bp = Blueprint("admin", __name__)
    bp.add_url_rule("/admin", "home", view)
    assert app.test_client().get("/admin").status_code == 404
