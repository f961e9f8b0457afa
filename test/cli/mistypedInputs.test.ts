// Spawned as a user runs the tools: mistyped JSON inputs and broken
// files give exit 2 and one line naming the file and the field, and write nothing.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PUBLISHED_2023_2024, type ProposalInput } from "../../src/core/proposal";

const root = path.resolve(__dirname, "../..");
const node = [process.execPath, "--require", require.resolve("tsx/cjs")];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ibn-mistyped-"));
const at = (name: string) => path.join(tmp, name);

function run(tool: string, args: string[]) {
  const r = spawnSync(node[0], [...node.slice(1), path.join(root, "scripts", `${tool}.ts`), ...args], {
    cwd: tmp,
    encoding: "utf8",
    env: { ...process.env, IBN_DEBUG: "" },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function oneLine(r: { code: number | null; stderr: string }, pattern: RegExp): void {
  const lines = r.stderr.split("\n").filter((l) => l.trim());
  assert.equal(r.code, 2, r.stderr);
  assert.equal(lines.length, 1, r.stderr);
  assert.ok(!/^\s+at /m.test(r.stderr), r.stderr);
  assert.match(lines[0], pattern);
}

describe("CLI: mistyped proposal inputs", function () {
  this.timeout(120_000);
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const cases: [string, (p: ProposalInput) => void, RegExp][] = [
    ["applies of 0.5", (p) => (p.addedValue.applies = [0, 0.5]), /addedValue\.applies.*0\.5.*0 or 1/],
    [
      "a cost line without a label",
      (p) => ((p.costLines[1] as { label?: string }).label = ""),
      /costLines.*cost line 2/,
    ],
    ["a municipality named 2023", (p) => (p.municipalities[2].name = "2023"), /municipalities.*2023 is a number/],
  ];
  for (const [what, change, pattern] of cases) {
    it(`${what}: exit 2, one line naming the field, no workbook written`, () => {
      const input = JSON.parse(JSON.stringify(PUBLISHED_2023_2024)) as ProposalInput;
      change(input);
      const file = at(`${what.replace(/\W+/g, "-")}.json`);
      fs.writeFileSync(file, JSON.stringify(input));
      const out = at(`${what.replace(/\W+/g, "-")}.xlsx`);
      const r = run("proposal", ["--input", file, "--out", out, "--lang", "en"]);
      oneLine(r, pattern);
      assert.ok(r.stderr.includes(file), r.stderr);
      assert.equal(fs.existsSync(out), false);
    });
  }
});
