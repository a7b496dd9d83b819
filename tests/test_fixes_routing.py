"""Each routing quick fix, applied: the snippet before, the finding, the snippet after."""

from __future__ import annotations

import ast
from pathlib import Path
from textwrap import dedent

import pytest

from flask_lsp.analysis.findings import Edit, Finding, Fix
from flask_lsp.engine.checker import Project, check_text

from .fixes import apply_fix

CASES = [
    pytest.param(
        "FL201",
        """\
        from flask import Blueprint, Flask

        app = Flask(__name__)
        bp = Blueprint("api", __name__, url_prefix="/api")


        @bp.route("/api/users")
        def users():
            return "users"


        app.register_blueprint(bp)
        """,
        """\
        from flask import Blueprint, Flask

        app = Flask(__name__)
        bp = Blueprint("api", __name__, url_prefix="/api")


        @bp.route("/users")
        def users():
            return "users"


        app.register_blueprint(bp)
        """,
        id="drop-repeated-prefix",
    ),
    pytest.param(
        "FL202",
        """\
        from flask import Flask

        app = Flask(__name__)


        @app.route('about')
        def about():
            return "about"
        """,
        """\
        from flask import Flask

        app = Flask(__name__)


        @app.route('/about')
        def about():
            return "about"
        """,
        id="add-leading-slash",
    ),
    pytest.param(
        "FL206",
        """\
        from flask import Flask

        app = Flask(__name__)


        def login_required(view):
            def wrapper(*args, **kwargs):
                return view(*args, **kwargs)

            return wrapper


        @app.route("/a")
        @login_required
        def a():
            return "a"


        @app.route("/b")
        @login_required
        def b():
            return "b"
        """,
        """\
        from flask import Flask
        import functools

        app = Flask(__name__)


        def login_required(view):
            @functools.wraps(view)
            def wrapper(*args, **kwargs):
                return view(*args, **kwargs)

            return wrapper


        @app.route("/a")
        @login_required
        def a():
            return "a"


        @app.route("/b")
        @login_required
        def b():
            return "b"
        """,
        id="add-functools-wraps",
    ),
    pytest.param(
        "FL207",
        """\
        from flask import Blueprint, Flask, url_for

        app = Flask(__name__)
        main = Blueprint("main", __name__)


        @main.route("/")
        def index():
            return url_for("main.indx")


        app.register_blueprint(main)
        """,
        """\
        from flask import Blueprint, Flask, url_for

        app = Flask(__name__)
        main = Blueprint("main", __name__)


        @main.route("/")
        def index():
            return url_for("main.index")


        app.register_blueprint(main)
        """,
        id="replace-endpoint-with-suggestion",
    ),
    pytest.param(
        "FL208",
        """\
        from flask import Flask, url_for

        app = Flask(__name__)


        @app.route("/users/<int:user_id>")
        def user(user_id):
            return url_for("user", _external=True)
        """,
        """\
        from flask import Flask, url_for

        app = Flask(__name__)


        @app.route("/users/<int:user_id>")
        def user(user_id):
            return url_for("user", _external=True, user_id=user_id)
        """,
        id="add-missing-variable",
    ),
    pytest.param(
        "FL209",
        """\
        from flask import Flask, redirect

        app = Flask(__name__)


        @app.route("/users/<int:user_id>")
        def user(user_id):
            return "user"


        @app.route("/me")
        def me():
            return redirect("/users/7")
        """,
        """\
        from flask import Flask, redirect
        from flask import url_for

        app = Flask(__name__)


        @app.route("/users/<int:user_id>")
        def user(user_id):
            return "user"


        @app.route("/me")
        def me():
            return redirect(url_for('user', user_id=7))
        """,
        id="redirect-to-url-for",
    ),
]


@pytest.mark.parametrize(("code", "before", "after"), CASES)
def test_fix(code: str, before: str, after: str) -> None:
    before, after = dedent(before), dedent(after)
    found = [f for f in check_text(before) if f.code == code]
    fixed = apply_fix(before, found[0])
    assert fixed == after
    ast.parse(fixed)
    assert len([f for f in check_text(fixed) if f.code == code]) < len(found)


def test_wraps_fix_edits_the_decorator_in_its_own_file(tmp_path: Path) -> None:
    """The decorator lives in auth.py; the finding is on the views; the fix edits auth.py."""
    package = tmp_path / "site"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "auth.py").write_text(
        "def login_required(view):\n"
        "    def wrapper():\n"
        "        return view()\n"
        "\n"
        "    return wrapper\n"
    )
    views = (
        "from flask import Flask\n\nfrom .auth import login_required\n\napp = Flask(__name__)\n"
        "\n\n@app.route('/a')\n@login_required\ndef a():\n    return 'a'\n"
        "\n\n@app.route('/b')\n@login_required\ndef b():\n    return 'b'\n"
    )
    (package / "views.py").write_text(views)
    project = Project()
    project.index_paths([tmp_path])
    findings = [f for f in project.findings(str(package / "views.py")) if f.code == "FL206"]
    assert len(findings) == 2
    fix = findings[0].fix
    assert fix is not None
    assert {e.path for e in fix.edits} == {str(package / "auth.py")}
    auth = (package / "auth.py").read_text()
    local = Finding("FL206", "", findings[0].span, findings[0].severity, fix=_local(fix))
    assert apply_fix(auth, local) == (
        "import functools\n"
        "def login_required(view):\n"
        "    @functools.wraps(view)\n"
        "    def wrapper():\n"
        "        return view()\n"
        "\n"
        "    return wrapper\n"
    )


def _local(fix: Fix) -> Fix:
    return Fix(fix.title, tuple(Edit(e.span, e.new_text) for e in fix.edits))
