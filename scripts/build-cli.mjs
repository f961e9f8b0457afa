// npm run build:cli: the three command-line tools as plain JavaScript in dist-cli/ (esbuild, one
// file each, Node 20), so that they run with the production dependencies alone (exceljs, yauzl,
// decimal.js stay in node_modules): `npm ci --omit=dev`, then ibn-proposal, ibn-evaluation-template
// and ibn-check-tables (package.json "bin"). No tsx at run time, no TypeScript compiled per call.
import { build } from "esbuild";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const out = path.join(root, "dist-cli");
const tools = ["proposal", "evaluation-template", "check-tables"];

fs.rmSync(out, { recursive: true, force: true });
await build({
  entryPoints: Object.fromEntries(tools.map((t) => [t, path.join(root, "scripts", `${t}.ts`)])),
  outdir: out,
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  packages: "external", // the production dependencies, from node_modules
  banner: { js: "#!/usr/bin/env node" },
  legalComments: "none",
  logLevel: "warning",
});
for (const t of tools) fs.chmodSync(path.join(out, `${t}.js`), 0o755);
console.log(`dist-cli/: ${tools.map((t) => `${t}.js`).join(", ")}`);
