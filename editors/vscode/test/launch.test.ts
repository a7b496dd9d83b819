// How the extension finds the server: setting, then the Python extension's interpreter,
// then PATH; and the single message a user sees when none of them works.
import { strict as assert } from "node:assert";
import { chmodSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { describe, it } from "node:test";

import {
  commandFromSetting,
  findServer,
  installCommand,
  probeVersion,
  which,
  type LaunchInputs,
  type ServerCommand,
} from "../src/launch";

/** Inputs where only the commands listed in `working` answer `--version`. */
function inputs(options: {
  setting?: unknown;
  interpreter?: string;
  onPath?: string;
  working: string[];
}): LaunchInputs & { probed: string[] } {
  const probed: string[] = [];
  return {
    probed,
    settingPath: options.setting,
    pythonInterpreter: async () => options.interpreter,
    which: async (name) => (name === "flask-lsp" ? options.onPath : undefined),
    probe: async (server: ServerCommand) => {
      const words = [server.command, ...server.args].join(" ");
      probed.push(words);
      return options.working.includes(words)
        ? { ok: true, detail: "flask-lsp 0.1.0" }
        : { ok: false, detail: "No module named flask_lsp" };
    },
  };
}

describe("findServer", () => {
  it("uses the flask-lsp.path setting first", async () => {
    const env = inputs({
      setting: ["/opt/tools/flask-lsp", "-v"],
      interpreter: "/proj/.venv/bin/python",
      onPath: "/usr/bin/flask-lsp",
      working: ["/opt/tools/flask-lsp -v", "/usr/bin/flask-lsp"],
    });
    const decision = await findServer(env);
    assert.equal(decision.ok, true);
    assert.deepEqual(decision.ok && decision.server, {
      command: "/opt/tools/flask-lsp",
      args: ["-v"],
      source: "setting",
    });
    assert.deepEqual(env.probed, ["/opt/tools/flask-lsp -v"]);
  });

  it("never falls back silently when the setting is broken", async () => {
    const env = inputs({
      setting: "/nowhere/flask-lsp",
      onPath: "/usr/bin/flask-lsp",
      working: ["/usr/bin/flask-lsp"],
    });
    const decision = await findServer(env);
    assert.equal(decision.ok, false);
    assert.match(!decision.ok ? decision.message : "", /"flask-lsp\.path" setting \(\/nowhere\/flask-lsp\)/);
    assert.deepEqual(env.probed, ["/nowhere/flask-lsp"]);
  });

  it("runs `-m flask_lsp` with the Python extension's interpreter", async () => {
    const env = inputs({
      interpreter: "/proj/.venv/bin/python",
      onPath: "/usr/bin/flask-lsp",
      working: ["/proj/.venv/bin/python -m flask_lsp", "/usr/bin/flask-lsp"],
    });
    const decision = await findServer(env);
    assert.deepEqual(decision.ok && decision.server, {
      command: "/proj/.venv/bin/python",
      args: ["-m", "flask_lsp"],
      source: "python-extension",
    });
  });

  it("falls back to flask-lsp on PATH when the interpreter lacks the package", async () => {
    const env = inputs({
      interpreter: "/proj/.venv/bin/python",
      onPath: "/home/me/.local/bin/flask-lsp",
      working: ["/home/me/.local/bin/flask-lsp"],
    });
    const decision = await findServer(env);
    assert.deepEqual(decision.ok && decision.server, {
      command: "/home/me/.local/bin/flask-lsp",
      args: [],
      source: "path",
    });
    assert.deepEqual(env.probed, ["/proj/.venv/bin/python -m flask_lsp", "/home/me/.local/bin/flask-lsp"]);
  });

  it("treats a Python extension that throws like one that is not installed", async () => {
    const env = inputs({ onPath: "/usr/bin/flask-lsp", working: ["/usr/bin/flask-lsp"] });
    env.pythonInterpreter = async () => {
      throw new Error("Python extension is not installed or is disabled");
    };
    const decision = await findServer(env);
    assert.equal(decision.ok && decision.server.source, "path");
  });

  const nothing: Array<[string, string | undefined, RegExp, string]> = [
    [
      "with an interpreter: install into it",
      "/proj/.venv/bin/python",
      /not found in the selected Python environment \(\/proj\/\.venv\/bin\/python\) or on PATH/,
      "/proj/.venv/bin/python -m pip install flask-lsp",
    ],
    ["without one: plain pip", undefined, /not found on PATH/, "pip install flask-lsp"],
  ];
  for (const [name, interpreter, where, install] of nothing) {
    it(`gives one message with the install command when nothing works (${name})`, async () => {
      const decision = await findServer(inputs({ interpreter, working: [] }));
      assert.equal(decision.ok, false);
      if (!decision.ok) {
        assert.match(decision.message, where);
        assert.ok(decision.message.endsWith(`Install it with: ${install}`), decision.message);
        assert.equal(decision.installCommand, install);
        assert.doesNotMatch(decision.message, /\n|at .*\.js/);
      }
    });
  }
});

describe("commandFromSetting", () => {
  const cases: Array<[unknown, string[] | undefined]> = [
    [undefined, undefined],
    [[], undefined],
    ["", undefined],
    ["  ", undefined],
    ["/usr/bin/flask-lsp", ["/usr/bin/flask-lsp"]],
    [["python3", "-m", "flask_lsp"], ["python3", "-m", "flask_lsp"]],
    [["python3", 3, "", "-m", "flask_lsp"], ["python3", "-m", "flask_lsp"]],
    [{ command: "x" }, undefined],
  ];
  for (const [value, expected] of cases) {
    it(`reads ${JSON.stringify(value)}`, () => {
      assert.deepEqual(commandFromSetting(value), expected);
    });
  }
});

describe("installCommand", () => {
  it("quotes an interpreter path with spaces", () => {
    assert.equal(
      installCommand("C:\\Program Files\\Python312\\python.exe"),
      '"C:\\Program Files\\Python312\\python.exe" -m pip install flask-lsp',
    );
  });
});

describe("which and probeVersion on real files", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "flask-lsp-launch-"));
  const script = (name: string, body: string, mode = 0o755): string => {
    const file = path.join(dir, name);
    writeFileSync(file, `#!/bin/sh\n${body}\n`);
    chmodSync(file, mode);
    return file;
  };
  const good = script("flask-lsp", 'echo "flask-lsp 0.1.0"');
  const broken = script("broken-flask-lsp", 'echo "ModuleNotFoundError: No module named flask_lsp" >&2; exit 1');
  script("not-executable", "exit 0", 0o644);

  it("finds an executable on PATH and skips empty entries", async () => {
    assert.equal(await which("flask-lsp", `::/nonexistent:${dir}`, "linux"), good);
  });

  it("ignores files without the executable bit", async () => {
    assert.equal(await which("not-executable", dir, "linux"), undefined);
  });

  it("accepts a server that answers --version", async () => {
    assert.deepEqual(await probeVersion({ command: good, args: [], source: "path" }), {
      ok: true,
      detail: "flask-lsp 0.1.0",
    });
  });

  it("reports the last line of stderr of a failing command", async () => {
    const result = await probeVersion({ command: broken, args: [], source: "setting" });
    assert.deepEqual(result, { ok: false, detail: "ModuleNotFoundError: No module named flask_lsp" });
  });

  it("says plainly when the command does not exist", async () => {
    const missing = path.join(dir, "missing");
    const result = await probeVersion({ command: missing, args: [], source: "setting" });
    assert.deepEqual(result, { ok: false, detail: `${missing} does not exist` });
  });
});
