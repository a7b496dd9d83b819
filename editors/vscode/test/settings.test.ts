// The settings sent to the server (initializationOptions and didChangeConfiguration).
import { strict as assert } from "node:assert";
import { describe, it } from "node:test";

import { didChangeConfigurationParams, serverSettings } from "../src/settings";

const from = (values: Record<string, unknown>) => serverSettings((key) => values[key]);

describe("serverSettings", () => {
  it("passes well-formed settings through", () => {
    assert.deepEqual(
      from({
        select: ["FL1", "fl402"],
        ignore: ["FL105"],
        severity: { FL402: "warning", fl101: "Error" },
        exclude: ["migrations/**"],
      }),
      {
        select: ["FL1", "FL402"],
        ignore: ["FL105"],
        severity: { FL402: "warning", FL101: "error" },
        exclude: ["migrations/**"],
      },
    );
  });

  it("sends nothing for unset or empty settings (an empty select would switch every rule off)", () => {
    assert.deepEqual(from({}), {});
    assert.deepEqual(from({ select: [], ignore: [], severity: {}, exclude: [] }), {});
  });

  const malformed: Array<[string, Record<string, unknown>, object]> = [
    ["a single string becomes a list", { ignore: "FL105" }, { ignore: ["FL105"] }],
    ["non-strings are dropped", { select: ["FL1", 7, null, " "] }, { select: ["FL1"] }],
    ["unknown severities are dropped", { severity: { FL101: "fatal", FL102: "hint" } }, { severity: { FL102: "hint" } }],
    ["a list is no severity map", { severity: ["FL101"], ignore: ["FL105"] }, { ignore: ["FL105"] }],
  ];
  for (const [name, values, expected] of malformed) {
    it(name, () => {
      assert.deepEqual(from(values), expected);
    });
  }
});

describe("didChangeConfigurationParams", () => {
  it("nests the settings under the flask-lsp section", () => {
    const settings = from({ ignore: ["FL105"] });
    assert.deepEqual(didChangeConfigurationParams(settings), { settings: { "flask-lsp": settings } });
  });
});
