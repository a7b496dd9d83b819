// Bundles the extension (and, with --tests, the unit tests) with esbuild.
//   node esbuild.mjs               -> out/extension.js (with source map)
//   node esbuild.mjs --production  -> out/extension.js minified, for the .vsix
//   node esbuild.mjs --tests       -> out/test/*.test.js, run by `node --test out/test/`
import { readdirSync } from "node:fs";
import * as esbuild from "esbuild";

const production = process.argv.includes("--production");
const tests = process.argv.includes("--tests");

const common = {
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  logLevel: "warning",
};

if (tests) {
  await esbuild.build({
    ...common,
    entryPoints: readdirSync("test")
      .filter((name) => name.endsWith(".test.ts"))
      .map((name) => `test/${name}`),
    outdir: "out/test",
    sourcemap: "inline",
  });
} else {
  await esbuild.build({
    ...common,
    entryPoints: ["src/extension.ts"],
    outfile: "out/extension.js",
    external: ["vscode"],
    minify: production,
    sourcemap: !production,
  });
}
