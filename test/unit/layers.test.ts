// The folders show the layers, and each layer may import only from the layers below it (JSON and
// every other file included): the core is pure and imports nothing of the add-in outside itself; the
// custom functions, the Office.js layer and the .xlsx writers build on the core only; the task pane's
// views on the core and the Office.js layer; the command-line tools on the core and the writers.
// Nothing imports the task pane. Shared words (the typed errors' sentences, the locale pack) live in
// the core.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";

const root = path.join(__dirname, "../..");

type Layer = "src/core" | "src/functions" | "src/excel" | "src/writers" | "src/taskpane" | "scripts";

/** Each layer and the layers it may import from (itself included). */
const ALLOWED: Record<Layer, readonly Layer[]> = {
  "src/core": ["src/core"],
  "src/functions": ["src/functions", "src/core"],
  "src/excel": ["src/excel", "src/core"],
  "src/writers": ["src/writers", "src/core"],
  "src/taskpane": ["src/taskpane", "src/excel", "src/core"],
  scripts: ["scripts", "src/core", "src/writers"],
};

/** Packages a layer may import (anything else from node_modules is refused): the core stays pure. */
const PACKAGES: Partial<Record<Layer, RegExp>> = {
  "src/core": /^decimal\.js$/,
  // Browser code: no node built-ins.
  "src/functions": /^(?!node:|fs$|path$|os$|child_process$)/,
  "src/excel": /^(?!node:|fs$|path$|os$|child_process$)/,
  "src/taskpane": /^(?!node:|fs$|path$|os$|child_process$)/,
};

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

/** The layer a path of the repository belongs to, or undefined (tests, bench, root files). */
function layerOf(file: string): Layer | undefined {
  const rel = path.relative(root, file).split(path.sep).join("/");
  return (Object.keys(ALLOWED) as Layer[]).find((l) => rel === l || rel.startsWith(`${l}/`));
}

/** Whether `file` may import `spec`: a layer it may build on, or a package it may use. */
function allowed(file: string, spec: string): boolean {
  const from = layerOf(file)!;
  if (!spec.startsWith(".")) return PACKAGES[from]?.test(spec) ?? true;
  const to = layerOf(path.resolve(path.dirname(file), spec));
  return to !== undefined && ALLOWED[from].includes(to);
}

/** Every import that breaks the rules, as "file imports spec". */
function offenders(files: string[]): string[] {
  return files.flatMap((file) =>
    specifiers(fs.readFileSync(file, "utf8"))
      .filter((s) => !allowed(file, s))
      .map((s) => `${path.relative(root, file)} imports ${s}`),
  );
}

describe("layers", () => {
  const files = (Object.keys(ALLOWED) as Layer[]).flatMap((l) => sources(path.join(root, l)));

  it("every layer imports only from the layers below it (JSON included); nothing imports the task pane", () => {
    assert.ok(
      files.some((f) => f.endsWith(path.join("scripts", "cliText.ts"))),
      "the scan sees scripts/",
    );
    assert.ok(
      files.some((f) => f.endsWith(path.join("src", "core", "locale", "nl-NL.ts"))),
      "the scan sees src/core",
    );
    assert.ok(files.length > 60, `only ${files.length} files scanned`);
    assert.deepEqual(offenders(files), []);
  });

  it("no layer imports the task pane, and the core nothing above it", () => {
    for (const [layer, allowed] of Object.entries(ALLOWED))
      if (layer !== "src/taskpane") assert.ok(!allowed.includes("src/taskpane"), layer);
    assert.deepEqual(ALLOWED["src/core"], ["src/core"]);
  });

  it("the scan would see an upward import (the check itself)", () => {
    const line = 'import { codeSentence } from "../src/taskpane/strings";';
    assert.deepEqual(specifiers(line), ["../src/taskpane/strings"]);
    assert.deepEqual(specifiers('export { x } from "../taskpane/strings";'), ["../taskpane/strings"]);
    assert.deepEqual(specifiers('const s = await import("../taskpane/strings");'), ["../taskpane/strings"]);
    assert.deepEqual(specifiers('import t from "../functions/translations.nl-NL.json";'), [
      "../functions/translations.nl-NL.json",
    ]);
    const at = (rel: string) => path.join(root, rel);
    const check = (rel: string, spec: string) => allowed(at(rel), spec);
    const core = "src/core/plan/x.ts";
    assert.equal(check(core, "../../functions/translations.nl-NL.json"), false);
    assert.equal(check(core, "../../excel/officeWriter"), false);
    assert.equal(check(core, "node:fs"), false);
    assert.equal(check(core, "../locale/nl-NL.functions.json"), true);
    assert.equal(check("src/writers/x.ts", "../taskpane/strings"), false);
    assert.equal(check("scripts/x.ts", "../src/excel/officeWriter"), false);
    assert.equal(check("src/taskpane/x.ts", "../excel/officeWriter"), true);
    assert.equal(check("src/excel/x.ts", "node:fs"), false);
  });
});
