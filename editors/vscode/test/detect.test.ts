// Which workspaces count as Flask projects (the extension starts its server only there).
import { strict as assert } from "node:assert";
import { describe, it } from "node:test";

import { importsFlask, requiresFlask } from "../src/detect";

describe("importsFlask", () => {
  const cases: Array<[string, boolean]> = [
    ["from flask import Flask\n", true],
    ["import flask\n", true],
    ["import os, flask\n", true],
    ["from flask.views import MethodView\n", true],
    ["    from flask import g  # inside a function\n", true],
    ["from flask_sqlalchemy import SQLAlchemy\n", false],
    ["import flasky\n", false],
    ["# from flask import Flask\n", false],
    ["print('from flask import x')\n", false],
  ];
  for (const [source, expected] of cases) {
    it(`${JSON.stringify(source)} -> ${expected}`, () => {
      assert.equal(importsFlask(source), expected);
    });
  }
});

describe("requiresFlask", () => {
  const cases: Array<[string, boolean]> = [
    ["flask==3.1.3\n", true],
    ["Flask>=2.0\nrequests\n", true],
    ['dependencies = ["flask", "jinja2"]\n', true],
    ['dependencies = ["Flask-SQLAlchemy>=3"]\n', true],
    ["flask\n", true],
    ["django==5.0\n", false],
    ["flasker==1.0\n", false],
    ["[tool.flask-lsp]\nignore = []\n", false],
  ];
  for (const [text, expected] of cases) {
    it(`${JSON.stringify(text)} -> ${expected}`, () => {
      assert.equal(requiresFlask(text), expected);
    });
  }
});
