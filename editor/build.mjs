// Bundle src/main.js and its pinned dependencies (package-lock.json) into one minified file for the package,
// with the licences of everything inside it. Run: npm ci && node build.mjs
import { build } from "esbuild";
import { readFileSync, writeFileSync, existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";

const out = "../src/worksheets/app/editor";
// codemirror-json-schema highlights code in schema descriptions with shiki; ours have none: leave shiki out
const noShiki = {
  name: "no-shiki",
  setup(b) {
    b.onResolve({ filter: /^(shiki|@shikijs)\b/ }, args => ({ path: args.path, namespace: "stub" }));
    b.onLoad({ filter: /.*/, namespace: "stub" }, () => ({
      contents: "export const createHighlighterCore = async () => ({}); export const fromHighlighter = () => () => {};" +
                " export default {};",
      loader: "js",
    }));
  },
};
const result = await build({
  entryPoints: ["src/main.js"], bundle: true, minify: true, format: "iife", target: "es2020",
  outfile: join(out, "editor.js"), metafile: true, plugins: [noShiki], legalComments: "none",
});

// every package with a file in the bundle, and its licence text
const packages = new Map();
for (const input of Object.keys(result.metafile.inputs)) {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input);
  if (match) packages.set(match[1], join("node_modules", match[1]));
}
let text = "Third-party code bundled in editor.js (built by editor/build.mjs from editor/package-lock.json)\n";
for (const name of [...packages.keys()].sort()) {
  const folder = packages.get(name);
  const meta = JSON.parse(readFileSync(join(folder, "package.json"), "utf8"));
  const file = readdirSync(folder).find(f => /^(licen[cs]e|copying)/i.test(f));
  text += `\n${"=".repeat(78)}\n${name} ${meta.version} (${meta.license || "licence text below"})\n\n`;
  text += file ? readFileSync(join(folder, file), "utf8").trim() + "\n" : `Licence: ${meta.license}\n`;
}
writeFileSync(join(out, "editor.js.LICENSES.txt"), text);
console.log(`${Object.keys(result.metafile.outputs).map(o => `${o}: ${result.metafile.outputs[o].bytes} bytes`)}`);
console.log(`${packages.size} packages`);
