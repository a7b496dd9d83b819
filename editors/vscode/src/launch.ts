// How the extension finds the flask-lsp server. Pure logic (no `vscode` import) so that
// node's test runner can exercise every branch; extension.ts plugs in the real probes.
//
// Order, first that works wins:
//   1. the `flask-lsp.path` setting (a command, as a list of words or one string);
//   2. the interpreter selected in the Python extension, running `-m flask_lsp`;
//   3. `flask-lsp` on PATH.
// When none works the user gets one message with the command that installs the server.

import { execFile } from "node:child_process";
import { constants as fsConstants, promises as fs } from "node:fs";
import * as path from "node:path";

export type ServerSource = "setting" | "python-extension" | "path";

export interface ServerCommand {
  command: string;
  args: string[];
  source: ServerSource;
}

export interface ProbeResult {
  ok: boolean;
  /** What `--version` printed on success, or why it failed. */
  detail: string;
}

export interface Attempt {
  server: ServerCommand;
  result: ProbeResult;
}

export interface LaunchInputs {
  /** Value of the `flask-lsp.path` setting (array of words, a string, or unset). */
  settingPath: unknown;
  /** The Python extension's selected interpreter, or undefined when unavailable. */
  pythonInterpreter: () => Promise<string | undefined>;
  /** Resolve an executable name on PATH. */
  which: (name: string) => Promise<string | undefined>;
  /** Check that a command really is a working flask-lsp (runs it with `--version`). */
  probe: (server: ServerCommand) => Promise<ProbeResult>;
}

export type LaunchDecision =
  | { ok: true; server: ServerCommand; attempts: Attempt[] }
  | { ok: false; message: string; installCommand: string; attempts: Attempt[] };

/** Normalise the `flask-lsp.path` setting into words; undefined when it is unset or empty. */
export function commandFromSetting(value: unknown): string[] | undefined {
  if (typeof value === "string") {
    const trimmed = value.trim();
    return trimmed === "" ? undefined : [trimmed];
  }
  if (Array.isArray(value)) {
    const words = value.filter((w): w is string => typeof w === "string" && w.trim() !== "");
    return words.length === 0 ? undefined : words;
  }
  return undefined;
}

/** The command a user should run to install the server, for the given interpreter if known. */
export function installCommand(interpreter: string | undefined): string {
  if (interpreter === undefined) {
    return "pip install flask-lsp";
  }
  const quoted = /\s/.test(interpreter) ? `"${interpreter}"` : interpreter;
  return `${quoted} -m pip install flask-lsp`;
}

export function describe(server: ServerCommand): string {
  return [server.command, ...server.args].join(" ");
}

export async function findServer(inputs: LaunchInputs): Promise<LaunchDecision> {
  const attempts: Attempt[] = [];
  const tryOne = async (server: ServerCommand): Promise<boolean> => {
    const result = await inputs.probe(server);
    attempts.push({ server, result });
    return result.ok;
  };

  const fromSetting = commandFromSetting(inputs.settingPath);
  if (fromSetting !== undefined) {
    const [command, ...args] = fromSetting;
    const server: ServerCommand = { command, args, source: "setting" };
    if (await tryOne(server)) {
      return { ok: true, server, attempts };
    }
    // An explicit setting is never silently replaced by something else.
    const detail = attempts[0].result.detail;
    return {
      ok: false,
      installCommand: installCommand(undefined),
      attempts,
      message:
        `Flask LSP: the command in the "flask-lsp.path" setting (${describe(server)}) ` +
        `did not start the server: ${detail}. Fix the setting or clear it to let the ` +
        `extension find flask-lsp by itself.`,
    };
  }

  let interpreter: string | undefined;
  try {
    interpreter = await inputs.pythonInterpreter();
  } catch {
    interpreter = undefined;
  }
  if (interpreter !== undefined) {
    const server: ServerCommand = {
      command: interpreter,
      args: ["-m", "flask_lsp"],
      source: "python-extension",
    };
    if (await tryOne(server)) {
      return { ok: true, server, attempts };
    }
  }

  const onPath = await inputs.which("flask-lsp");
  if (onPath !== undefined) {
    const server: ServerCommand = { command: onPath, args: [], source: "path" };
    if (await tryOne(server)) {
      return { ok: true, server, attempts };
    }
  }

  const install = installCommand(interpreter);
  const where =
    interpreter !== undefined
      ? `in the selected Python environment (${interpreter}) or on PATH`
      : "on PATH";
  return {
    ok: false,
    installCommand: install,
    attempts,
    message:
      `Flask LSP: the flask-lsp server was not found ${where}. ` +
      `Install it with: ${install}`,
  };
}

/** Find an executable on PATH (honours PATHEXT on Windows). */
export async function which(
  name: string,
  envPath: string | undefined = process.env.PATH,
  platform: NodeJS.Platform = process.platform,
  pathExt: string | undefined = process.env.PATHEXT,
): Promise<string | undefined> {
  if (envPath === undefined || envPath === "") {
    return undefined;
  }
  const separator = platform === "win32" ? ";" : ":";
  const extensions =
    platform === "win32" ? (pathExt ?? ".EXE;.CMD;.BAT").split(";").concat([""]) : [""];
  for (const dir of envPath.split(separator)) {
    if (dir === "") {
      continue;
    }
    for (const ext of extensions) {
      const candidate = path.join(dir, name + ext);
      try {
        const stat = await fs.stat(candidate);
        if (!stat.isFile()) {
          continue;
        }
        if (platform !== "win32") {
          await fs.access(candidate, fsConstants.X_OK);
        }
        return candidate;
      } catch {
        // not here; keep looking
      }
    }
  }
  return undefined;
}

/** Run `<command> <args> --version` and report whether it answered like flask-lsp. */
export function probeVersion(server: ServerCommand, timeoutMs = 15000): Promise<ProbeResult> {
  return new Promise((resolve) => {
    execFile(
      server.command,
      [...server.args, "--version"],
      { timeout: timeoutMs, windowsHide: true },
      (error, stdout, stderr) => {
        if (error !== null) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === "ENOENT") {
            resolve({ ok: false, detail: `${server.command} does not exist` });
            return;
          }
          const said = `${stderr}`.trim().split(/\r?\n/).slice(-1)[0] ?? "";
          resolve({ ok: false, detail: said !== "" ? said : error.message });
          return;
        }
        resolve({ ok: true, detail: `${stdout}`.trim() });
      },
    );
  });
}
