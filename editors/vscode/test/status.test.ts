// The status-bar item: its wording for each server state, and how $/progress moves it.
import { strict as assert } from "node:assert";
import { describe, it } from "node:test";

import { applyProgress, statusView, type ServerState } from "../src/status";

describe("applyProgress", () => {
  it("follows a work-done progress from begin to end", () => {
    let state: ServerState = { kind: "running" };
    state = applyProgress(state, { kind: "begin", title: "Indexing", percentage: 0 });
    assert.equal(statusView(state).text, "$(sync~spin) Flask: Indexing 0%");
    state = applyProgress(state, { kind: "report", message: "12/40 files", percentage: 30 });
    assert.deepEqual(statusView(state), {
      text: "$(sync~spin) Flask: Indexing 30%",
      tooltip: "Flask LSP: Indexing 30% — 12/40 files",
      error: false,
    });
    state = applyProgress(state, { kind: "end" });
    assert.equal(statusView(state).text, "$(check) Flask");
  });

  it("shows a progress without percentage as a plain spinner", () => {
    const state = applyProgress({ kind: "running" }, { kind: "begin", title: "Indexing" });
    assert.equal(statusView(state).text, "$(sync~spin) Flask: Indexing");
  });
});

describe("statusView", () => {
  it("marks a failure as an error and explains it in the tooltip", () => {
    const view = statusView({ kind: "failed", reason: "Flask LSP: the flask-lsp server was not found on PATH." });
    assert.equal(view.error, true);
    assert.equal(view.tooltip, "Flask LSP: the flask-lsp server was not found on PATH.");
  });
});
