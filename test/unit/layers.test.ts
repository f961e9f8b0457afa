// The folders show the layers: the task pane (src/taskpane) holds views only, so nothing below it, and
// no command-line tool, may import from it. Shared words (the typed errors' sentences) live in the core.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";

const root = path.join(__dirname, "../..");
const taskpane = path.join(root, "src/taskpane");

/** Every source file under `dir`, recursively. */
function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((f) => {
    const p = path.join(dir, f.name);
    if (f.isDirectory()) return sources(p);
    return /\.(ts|tsx|js|mjs|cjs)$/.test(f.name) ? [p] : [];
  });
}

/** The modules a file names: import/export … from, import(), require(), bare import "…". */
function specifiers(source: string): string[] {
  const patterns = [
    /\b(?:import|export)\s[^;"'`]*?\bfrom\s*["']([^"']+)["']/g,
    /\bimport\s*["']([^"']+)["']/g,
    /\b(?:import|require)\s*\(\s*["']([^"']+)["']\s*\)/g,
  ];
  return patterns.flatMap((re) => [...source.matchAll(re)].map((m) => m[1]));
}

describe("layers", () => {
  it("no file in src/core, src/excel, src/writers, src/functions or scripts imports from src/taskpane", () => {
    const dirs = ["src/core", "src/excel", "src/writers", "src/functions", "scripts"];
    const files = dirs.flatMap((d) => sources(path.join(root, d)));
    assert.ok(
      files.some((f) => f.endsWith(path.join("scripts", "cliText.ts"))),
      "the scan sees scripts/",
    );
    assert.ok(files.length > 30, `only ${files.length} files scanned`);
    const offenders = files.flatMap((file) =>
      specifiers(fs.readFileSync(file, "utf8"))
        .filter((s) => s.startsWith("."))
        .map((s) => path.resolve(path.dirname(file), s))
        .filter((target) => target === taskpane || target.startsWith(taskpane + path.sep))
        .map((target) => `${path.relative(root, file)} imports ${path.relative(root, target)}`),
    );
    assert.deepEqual(offenders, []);
  });

  it("the scan would see a pane import (the check itself)", () => {
    const line = 'import { codeSentence } from "../src/taskpane/strings";';
    assert.deepEqual(specifiers(line), ["../src/taskpane/strings"]);
    assert.deepEqual(specifiers('export { x } from "../taskpane/strings";'), ["../taskpane/strings"]);
    assert.deepEqual(specifiers('const s = await import("../taskpane/strings");'), ["../taskpane/strings"]);
  });
});
