// Flask LSP for VS Code: starts the flask-lsp server over stdio with vscode-languageclient and
// keeps it in step with the user's settings. It sits beside Pylance (or any Python server):
// flask-lsp only adds Flask diagnostics, quick fixes and hovers.

import * as vscode from "vscode";
import {
  DidChangeConfigurationNotification,
  LanguageClient,
  type LanguageClientOptions,
  RevealOutputChannelOn,
  type ServerOptions,
  State,
  WorkDoneProgress,
  WorkDoneProgressCreateRequest,
} from "vscode-languageclient/node";
import { PythonExtension } from "@vscode/python-extension";

import { DEPENDENCY_FILES, SKIP_DIRS, importsFlask, requiresFlask } from "./detect";
import { describe, findServer, probeVersion, which, type ServerCommand } from "./launch";
import { SECTION, didChangeConfigurationParams, serverSettings } from "./settings";
import { applyProgress, statusView, type ServerState } from "./status";

const PYTHON_EXTENSION_ID = "ms-python.python";

let client: LanguageClient | undefined;
let running: ServerCommand | undefined;
let starting: Promise<void> | undefined;
let output: vscode.LogOutputChannel;
let statusItem: vscode.StatusBarItem;
let state: ServerState = { kind: "stopped" };

function setState(next: ServerState): void {
  state = next;
  const view = statusView(state);
  statusItem.text = view.text;
  statusItem.tooltip = view.tooltip;
  statusItem.backgroundColor = view.error
    ? new vscode.ThemeColor("statusBarItem.errorBackground")
    : undefined;
  statusItem.show();
}

function config(): vscode.WorkspaceConfiguration {
  return vscode.workspace.getConfiguration(SECTION);
}

function currentSettings() {
  const section = config();
  return serverSettings((key) => section.get(key));
}

async function selectedInterpreter(): Promise<string | undefined> {
  if (vscode.extensions.getExtension(PYTHON_EXTENSION_ID) === undefined) {
    return undefined;
  }
  const api = await PythonExtension.api();
  const resource = vscode.workspace.workspaceFolders?.[0]?.uri;
  const active = api.environments.getActiveEnvironmentPath(resource);
  const resolved = await api.environments.resolveEnvironment(active);
  return resolved?.executable.uri?.fsPath ?? active.path;
}

async function startServer(): Promise<void> {
  if (client !== undefined) {
    return;
  }
  if (starting !== undefined) {
    return starting;
  }
  starting = doStart().finally(() => {
    starting = undefined;
  });
  return starting;
}

async function doStart(): Promise<void> {
  setState({ kind: "starting" });
  const decision = await findServer({
    settingPath: config().get("path"),
    pythonInterpreter: selectedInterpreter,
    which: (name) => which(name),
    probe: (server) => probeVersion(server),
  });
  for (const attempt of decision.attempts) {
    output.appendLine(
      `[${attempt.server.source}] ${describe(attempt.server)} --version: ` +
        `${attempt.result.ok ? "ok" : "failed"}: ${attempt.result.detail}`,
    );
  }
  if (!decision.ok) {
    output.appendLine(decision.message);
    setState({ kind: "failed", reason: decision.message });
    const copy = "Copy install command";
    const show = "Show output";
    void vscode.window.showErrorMessage(decision.message, copy, show).then(async (choice) => {
      if (choice === copy) {
        await vscode.env.clipboard.writeText(decision.installCommand);
      } else if (choice === show) {
        output.show(true);
      }
    });
    return;
  }

  const server = decision.server;
  const cwd = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  // No `transport` here: TransportKind.stdio would append `--stdio` to the command, and
  // flask-lsp speaks LSP on stdin/stdout when run with no arguments.
  const serverOptions: ServerOptions = {
    command: server.command,
    args: server.args,
    options: cwd !== undefined ? { cwd } : {},
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: "file", language: "python" },
      { scheme: "untitled", language: "python" },
    ],
    initializationOptions: currentSettings(),
    outputChannel: output,
    traceOutputChannel: output,
    revealOutputChannelOn: RevealOutputChannelOn.Never,
    initializationFailedHandler: (error) => {
      const message = `Flask LSP: the server failed to initialise: ${String(error)}`;
      output.appendLine(message);
      setState({ kind: "failed", reason: message });
      void vscode.window.showErrorMessage(message, "Show output").then((choice) => {
        if (choice !== undefined) {
          output.show(true);
        }
      });
      return false;
    },
  };

  const next = new LanguageClient("flask-lsp", "Flask LSP", serverOptions, clientOptions);
  next.onDidChangeState((event) => {
    if (event.newState === State.Running) {
      setState({ kind: "running" });
    } else if (event.newState === State.Stopped && state.kind !== "failed") {
      setState({ kind: "stopped" });
    }
  });
  output.appendLine(`Starting ${describe(server)} (found via ${server.source})`);
  client = next;
  running = server;
  try {
    await next.start();
  } catch (error) {
    client = undefined;
    running = undefined;
    const message = `Flask LSP: could not start ${describe(server)}: ${String(error)}`;
    output.appendLine(message);
    setState({ kind: "failed", reason: message });
    return;
  }
  // Show the server's work-done progress (indexing the workspace) in our status-bar item.
  next.onRequest(WorkDoneProgressCreateRequest.type, (params) => {
    const subscription = next.onProgress(WorkDoneProgress.type, params.token, (value) => {
      setState(applyProgress(state, value));
      if (value.kind === "end") {
        subscription.dispose();
      }
    });
  });
}

async function stopServer(): Promise<void> {
  const current = client;
  client = undefined;
  running = undefined;
  if (current !== undefined) {
    try {
      await current.stop();
    } catch (error) {
      output.appendLine(`Stopping the server: ${String(error)}`);
    }
    await current.dispose();
  }
  setState({ kind: "stopped" });
}

async function restartServer(): Promise<void> {
  await stopServer();
  if (config().get<string>("enable", "auto") === "never") {
    output.appendLine('Not starting: "flask-lsp.enable" is "never".');
    return;
  }
  await startServer();
}

async function workspaceUsesFlask(): Promise<boolean> {
  if (vscode.workspace.textDocuments.some(isFlaskDocument)) {
    return true;
  }
  const exclude = `{${SKIP_DIRS.join(",")}}`;
  const dependencyFiles = await vscode.workspace.findFiles(
    `**/{${DEPENDENCY_FILES.join(",")}}`,
    exclude,
    50,
  );
  for (const uri of dependencyFiles) {
    if (requiresFlask(await readText(uri))) {
      return true;
    }
  }
  const pythonFiles = await vscode.workspace.findFiles("**/*.py", exclude, 200);
  for (const uri of pythonFiles) {
    if (importsFlask(await readText(uri))) {
      return true;
    }
  }
  return false;
}

async function readText(uri: vscode.Uri): Promise<string> {
  try {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(uri));
  } catch {
    return "";
  }
}

function isFlaskDocument(document: vscode.TextDocument): boolean {
  return document.languageId === "python" && importsFlask(document.getText());
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  output = vscode.window.createOutputChannel("Flask LSP", { log: true });
  statusItem = vscode.window.createStatusBarItem("flask-lsp.status", vscode.StatusBarAlignment.Left, 0);
  statusItem.name = "Flask LSP";
  statusItem.command = "flask-lsp.showOutput";
  context.subscriptions.push(output, statusItem);

  context.subscriptions.push(
    vscode.commands.registerCommand("flask-lsp.restart", restartServer),
    vscode.commands.registerCommand("flask-lsp.showOutput", () => output.show(true)),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (!event.affectsConfiguration(SECTION)) {
        return;
      }
      if (event.affectsConfiguration(`${SECTION}.path`) || event.affectsConfiguration(`${SECTION}.enable`)) {
        await restartServer();
        return;
      }
      if (client !== undefined && client.isRunning()) {
        await client.sendNotification(
          DidChangeConfigurationNotification.type,
          didChangeConfigurationParams(currentSettings()),
        );
      }
    }),
  );

  // A new interpreter selected in the Python extension may bring (or lose) flask-lsp.
  if (vscode.extensions.getExtension(PYTHON_EXTENSION_ID) !== undefined) {
    try {
      const api = await PythonExtension.api();
      context.subscriptions.push(
        api.environments.onDidChangeActiveEnvironmentPath(async () => {
          if (client === undefined || running?.source === "python-extension") {
            await restartServer();
          }
        }),
      );
    } catch (error) {
      output.appendLine(`Python extension API unavailable: ${String(error)}`);
    }
  }

  const enable = config().get<string>("enable", "auto");
  if (enable === "never") {
    output.appendLine('Not starting: "flask-lsp.enable" is "never".');
    return;
  }
  if (enable === "always" || (await workspaceUsesFlask())) {
    await startServer();
    return;
  }
  output.appendLine("No Flask usage found in this workspace; waiting for a Python file that imports flask.");
  const watcher = vscode.workspace.onDidOpenTextDocument(async (document) => {
    if (isFlaskDocument(document)) {
      watcher.dispose();
      await startServer();
    }
  });
  context.subscriptions.push(watcher);
}

export async function deactivate(): Promise<void> {
  await stopServer();
}
