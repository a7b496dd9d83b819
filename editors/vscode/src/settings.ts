// The settings the server understands, read from the `flask-lsp` configuration section and
// cleaned up so that a hand-edited settings.json can never send the server malformed values.
// Sent as initializationOptions and again on every change (workspace/didChangeConfiguration).

export const SECTION = "flask-lsp";

export type Severity = "error" | "warning" | "information" | "hint";

/** Only the keys the user set: an empty `select` would otherwise mean "no rules at all". */
export interface ServerSettings {
  select?: string[];
  ignore?: string[];
  severity?: Record<string, Severity>;
  exclude?: string[];
}

const SEVERITIES: ReadonlySet<string> = new Set(["error", "warning", "information", "hint"]);

function strings(value: unknown): string[] {
  if (typeof value === "string") {
    return value.trim() === "" ? [] : [value.trim()];
  }
  if (!Array.isArray(value)) {
    return [];
  }
  return value.filter((v): v is string => typeof v === "string").map((v) => v.trim()).filter((v) => v !== "");
}

function severities(value: unknown): Record<string, Severity> {
  const out: Record<string, Severity> = {};
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    return out;
  }
  for (const [code, level] of Object.entries(value as Record<string, unknown>)) {
    if (typeof level === "string" && SEVERITIES.has(level.toLowerCase())) {
      out[code.trim().toUpperCase()] = level.toLowerCase() as Severity;
    }
  }
  return out;
}

/** Build the server's settings from a getter over the `flask-lsp` section. */
export function serverSettings(get: (key: string) => unknown): ServerSettings {
  const settings: ServerSettings = {};
  const select = strings(get("select")).map((s) => s.toUpperCase());
  const ignore = strings(get("ignore")).map((s) => s.toUpperCase());
  const severity = severities(get("severity"));
  const exclude = strings(get("exclude"));
  if (select.length > 0) {
    settings.select = select;
  }
  if (ignore.length > 0) {
    settings.ignore = ignore;
  }
  if (Object.keys(severity).length > 0) {
    settings.severity = severity;
  }
  if (exclude.length > 0) {
    settings.exclude = exclude;
  }
  return settings;
}

/** Payload of workspace/didChangeConfiguration: the settings under their section name. */
export function didChangeConfigurationParams(settings: ServerSettings): {
  settings: { [SECTION]: ServerSettings };
} {
  return { settings: { [SECTION]: settings } };
}
