// What the status-bar item says. Pure, so the wording is unit-tested; extension.ts feeds it
// the server's state and its $/progress work-done reports.

export type ServerState =
  | { kind: "starting" }
  | { kind: "running" }
  | { kind: "indexing"; title: string; message?: string; percentage?: number }
  | { kind: "stopped" }
  | { kind: "failed"; reason: string };

export interface StatusView {
  text: string;
  tooltip: string;
  /** True while the item should draw attention (an error). */
  error: boolean;
}

export function statusView(state: ServerState): StatusView {
  switch (state.kind) {
    case "starting":
      return { text: "$(loading~spin) Flask", tooltip: "Flask LSP: starting the server", error: false };
    case "running":
      return { text: "$(check) Flask", tooltip: "Flask LSP: running (click for output)", error: false };
    case "indexing": {
      const pct = state.percentage !== undefined ? ` ${Math.round(state.percentage)}%` : "";
      const detail = state.message !== undefined && state.message !== "" ? ` — ${state.message}` : "";
      return {
        text: `$(sync~spin) Flask: ${state.title}${pct}`,
        tooltip: `Flask LSP: ${state.title}${pct}${detail}`,
        error: false,
      };
    }
    case "stopped":
      return { text: "$(circle-slash) Flask", tooltip: "Flask LSP: server stopped (click for output)", error: false };
    case "failed":
      return { text: "$(error) Flask", tooltip: state.reason, error: true };
  }
}

/** Fold one LSP work-done progress value into the state shown while the server indexes. */
export function applyProgress(
  state: ServerState,
  value: { kind: "begin" | "report" | "end"; title?: string; message?: string; percentage?: number },
): ServerState {
  if (value.kind === "end") {
    return { kind: "running" };
  }
  const previous = state.kind === "indexing" ? state : undefined;
  return {
    kind: "indexing",
    title: value.title ?? previous?.title ?? "indexing",
    message: value.message ?? previous?.message,
    percentage: value.percentage ?? previous?.percentage,
  };
}
