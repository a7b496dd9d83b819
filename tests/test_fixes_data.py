"""Quick fixes of the request-data and security rules (FL3xx, FL4xx), applied: before -> after.

Each case is a small module, the rule whose fix is applied, and the exact text the fix leaves;
the result must parse and no longer have that finding.
"""

from __future__ import annotations

import ast
from textwrap import dedent

import pytest

from flask_lsp.engine.checker import check_text

from .test_rules import apply_fix

HEADER = "from flask import Flask, request\n\napp = Flask(__name__)\n"

CASES = [
    pytest.param(
        "FL301",
        HEADER + '\n@app.route("/signup")\ndef signup():\n    return request.form["name"]\n',
        HEADER
        + '\n@app.route("/signup", methods=["GET", "POST"])\ndef signup():\n'
        + '    return request.form["name"]\n',
        id="FL301-adds-methods",
    ),
    pytest.param(
        "FL301",
        HEADER + '\n@app.get("/items")\ndef items():\n    return request.get_json()\n',
        HEADER
        + '\n@app.route("/items", methods=["GET", "POST"])\ndef items():\n'
        + "    return request.get_json()\n",
        id="FL301-shortcut-becomes-route",
    ),
    pytest.param(
        "FL301",
        HEADER
        + '\n@app.route("/e", methods=["GET"])\ndef e():\n'
        + '    if request.method == "PUT":\n        return request.data\n    return ""\n',
        HEADER
        + '\n@app.route("/e", methods=["GET", "PUT"])\ndef e():\n'
        + '    if request.method == "PUT":\n        return request.data\n    return ""\n',
        id="FL301-adds-the-tested-method",
    ),
    pytest.param(
        "FL302",
        HEADER
        + '\n@app.route(\n    "/login",\n)\ndef login():\n'
        + '    if request.method == "POST":\n        return "posted"\n    return "form"\n',
        HEADER
        + '\n@app.route(\n    "/login", methods=["GET", "POST"],\n)\ndef login():\n'
        + '    if request.method == "POST":\n        return "posted"\n    return "form"\n',
        id="FL302-multi-line-decorator",
    ),
    pytest.param(
        "FL302",
        HEADER
        + '\ndef login():\n    if request.method == "POST":\n        return "p"\n    return "f"\n'
        + '\n\napp.add_url_rule("/login", view_func=login)\n',
        HEADER
        + '\ndef login():\n    if request.method == "POST":\n        return "p"\n    return "f"\n'
        + '\n\napp.add_url_rule("/login", view_func=login, methods=["GET", "POST"])\n',
        id="FL302-add-url-rule",
    ),
    pytest.param(
        "FL305",
        HEADER + '\n@app.get("/a")\ndef a():\n    return request.args.get("page", 1)\n',
        HEADER + '\n@app.get("/a")\ndef a():\n    return request.args.get("page", 1, type=int)\n',
        id="FL305-type-int",
    ),
    pytest.param(
        "FL305",
        HEADER + '\n@app.get("/a")\ndef a():\n    return request.args.get("r", default=0.5)\n',
        HEADER
        + '\n@app.get("/a")\ndef a():\n    return request.args.get("r", default=0.5, type=float)\n',
        id="FL305-type-float",
    ),
    pytest.param(
        "FL306",
        "import json\n\nfrom flask import Flask\n\napp = Flask(__name__)\n\n\n"
        '@app.get("/a")\ndef a():\n    data = {"ok": True}\n    return json.dumps(data)\n',
        "import json\n\nfrom flask import Flask\nfrom flask import jsonify\n\n"
        'app = Flask(__name__)\n\n\n@app.get("/a")\ndef a():\n    data = {"ok": True}\n'
        "    return jsonify(data)\n",
        id="FL306-jsonify-with-import",
    ),
    pytest.param(
        "FL306",
        "import json\n\nfrom flask import Flask\n\napp = Flask(__name__)\n\n\n"
        '@app.get("/a")\ndef a():\n    return json.dumps({"ok": True}), 201\n',
        "import json\n\nfrom flask import Flask\n\napp = Flask(__name__)\n\n\n"
        '@app.get("/a")\ndef a():\n    return {"ok": True}, 201\n',
        id="FL306-return-the-dict",
    ),
    pytest.param(
        "FL307",
        "import io\n\nfrom flask import send_file\n\n\ndef a():\n"
        "    return send_file(io.BytesIO(b'x'))\n",
        "import io\n\nfrom flask import send_file\n\n\ndef a():\n"
        "    return send_file(io.BytesIO(b'x'), download_name=\"download.bin\")\n",
        id="FL307-download-name",
    ),
    pytest.param(
        "FL401",
        'import os\n\nfrom flask import Flask\n\napp = Flask(__name__)\napp.config["SECRET_KEY"] = "dev"\n',
        "import os\n\nfrom flask import Flask\n\napp = Flask(__name__)\n"
        'app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]\n',
        id="FL401-os-environ",
    ),
    pytest.param(
        "FL401",
        "from os import getenv\n\nfrom flask import Flask\n\n\nclass Config:\n"
        '    SECRET_KEY = getenv("APP_KEY", "changeme")\n',
        "from os import getenv\n\nfrom flask import Flask\nfrom os import environ\n\n\nclass Config:\n"
        '    SECRET_KEY = environ["APP_KEY"]\n',
        id="FL401-fallback-keeps-the-variable-name-and-imports-environ",
    ),
    pytest.param(
        "FL402",
        HEADER + '\nif __name__ == "__main__":\n    app.run(debug=True)\n',
        HEADER + '\nif __name__ == "__main__":\n    app.run()\n',
        id="FL402-only-keyword",
    ),
    pytest.param(
        "FL402",
        HEADER + '\nif __name__ == "__main__":\n    app.run(debug=True, port=8000)\n',
        HEADER + '\nif __name__ == "__main__":\n    app.run(port=8000)\n',
        id="FL402-first-keyword",
    ),
    pytest.param(
        "FL402",
        HEADER + '\nif __name__ == "__main__":\n    app.run(port=8000, debug=True)\n',
        HEADER + '\nif __name__ == "__main__":\n    app.run(port=8000)\n',
        id="FL402-last-keyword",
    ),
    pytest.param(
        "FL402",
        HEADER + "app.debug = True\napp.testing = False\n",
        HEADER + "app.testing = False\n",
        id="FL402-drop-app-debug",
    ),
    pytest.param(
        "FL402",
        HEADER + "\n\nclass ProductionConfig:\n    DEBUG = True\n",
        HEADER + "\n\nclass ProductionConfig:\n    pass\n",
        id="FL402-drop-the-only-class-attribute",
    ),
    pytest.param(
        "FL402",
        HEADER + 'app.config.update(DEBUG=True, SECRET_KEY=environ["K"])\n',
        HEADER + 'app.config.update(SECRET_KEY=environ["K"])\n',
        id="FL402-drop-update-keyword",
    ),
    pytest.param(
        "FL405",
        HEADER + "app.run(port=8000)  # dev server\n",
        HEADER + 'if __name__ == "__main__":\n    app.run(port=8000)  # dev server\n',
        id="FL405-main-guard",
    ),
    pytest.param(
        "FL407",
        HEADER + '\n\ndef view(response):\n    response.set_cookie("t", "v")\n',
        HEADER
        + '\n\ndef view(response):\n    response.set_cookie("t", "v", secure=True, httponly=True, samesite="Lax")\n',
        id="FL407-all-flags",
    ),
    pytest.param(
        "FL407",
        HEADER + '\n\ndef view(response):\n    response.set_cookie("t", "v", httponly=True)\n',
        HEADER
        + '\n\ndef view(response):\n    response.set_cookie("t", "v", httponly=True, secure=True, samesite="Lax")\n',
        id="FL407-missing-flags-only",
    ),
]


@pytest.mark.parametrize(("code", "before", "after"), CASES)
def test_fix_turns_before_into_after(code: str, before: str, after: str) -> None:
    findings = [f for f in check_text(dedent(before)) if f.code == code]
    assert findings, f"{code} not found in the 'before' text"
    fixed = apply_fix(before, findings[0])
    assert fixed == after
    ast.parse(fixed)
    assert len([f for f in check_text(fixed) if f.code == code]) < len(findings)
