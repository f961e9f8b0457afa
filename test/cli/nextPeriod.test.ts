// npm run proposal -- --next-from PROPOSAL.xlsx --out NEXT.json (issue 14), spawned as a user runs
// it: the published 2023–2024 workbook rolled forward gives base year 2024, years 2025–2026 and the
// previous lump sums 2,903,670 and 3,237,219; `--input NEXT.json` refuses the nulls in one line that
// names each; filled in, it makes the 2025–2026 proposal.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildProposalPlan, PUBLISHED_2023_2024 } from "../../src/core/proposal";
import { writePlanToXlsx } from "../../src/writers/xlsxWriter";
import { filledNextPeriod } from "../support/nextPeriod";

const root = path.resolve(__dirname, "../..");
const node = [process.execPath, "--require", require.resolve("tsx/cjs")];
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ibn-next-"));
const at = (name: string) => path.join(tmp, name);
const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, "../fixtures/lookback-2022.json"), "utf8"));

function proposal(...args: string[]) {
  const r = spawnSync(node[0], [...node.slice(1), path.join(root, "scripts", "proposal.ts"), ...args], {
    cwd: tmp,
    encoding: "utf8",
    env: { ...process.env, IBN_DEBUG: "" },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("CLI: the next period (--next-from)", function () {
  this.timeout(120_000);
  before(async () => {
    await writePlanToXlsx(buildProposalPlan(PUBLISHED_2023_2024), at("voorstel.xlsx"));
  });

  it("the published proposal rolled forward: 2024, 2025–2026, previous lump sums 2,903,670 and 3,237,219", () => {
    const r = proposal("--next-from", "voorstel.xlsx", "--out", "volgende.json");
    assert.equal(r.code, 0, r.stderr);
    assert.match(
      r.stdout,
      /periode 2025–2026 met basisjaar 2024, vorige periode 2023–2024; nog in te vullen: \d+ velden/,
    );
    const next = JSON.parse(fs.readFileSync(at("volgende.json"), "utf8"));
    const f = fixture.next_period;
    assert.equal(next.baseYear, f.base_year);
    assert.deepEqual(next.years, f.years);
    assert.deepEqual(next.previous.years, [2023, 2024]);
    assert.deepEqual(next.previous.lumpSums, [f.previous_lump_sums["2023"], f.previous_lump_sums["2024"]]);
    assert.deepEqual(
      next.municipalities.map((m: { name: string }) => m.name),
      PUBLISHED_2023_2024.municipalities.map((m) => m.name),
    );
    assert.equal(next.costLines[0].amount, null);
    assert.equal(next.costLines[0].label, "Laaggeletterdheid");
    // The invoiced contributions start as calculated: they add up to the lump sums.
    for (const k of [0, 1])
      assert.equal(
        next.municipalities.reduce((a: number, m: { invoiced: number[] }) => a + m.invoiced[k], 0),
        next.previous.lumpSums[k],
      );
  });

  it("--base-year 2023 rolls from 2023 (years 2024–2025); a year outside the period is refused in one line", () => {
    assert.equal(proposal("--next-from", "voorstel.xlsx", "--out", "v2023.json", "--base-year", "2023").code, 0);
    const next = JSON.parse(fs.readFileSync(at("v2023.json"), "utf8"));
    assert.deepEqual([next.baseYear, next.years, next.previous.years], [2023, [2024, 2025], [2023]]);
    const r = proposal("--next-from", "voorstel.xlsx", "--out", "v2030.json", "--base-year", "2030", "--lang", "en");
    assert.equal(r.code, 2);
    assert.match(
      r.stderr,
      /^proposal: Base year 2030 is not possible: choose a year of the period you start from \(2023, 2024\)/,
    );
  });

  it("--input NEXT.json with nulls: refused in one line naming each null by field and cell", () => {
    proposal("--next-from", "voorstel.xlsx", "--out", "leeg.json");
    const r = proposal("--input", "leeg.json", "--out", "volgende.xlsx", "--lang", "en");
    assert.equal(r.code, 2);
    const lines = r.stderr.trim().split("\n");
    assert.equal(lines.length, 1, r.stderr);
    assert.match(lines[0], /^proposal: Not filled in yet \(58\): costLines\[0\]\.amount \(Invoer!B8\), /);
    assert.match(lines[0], /specificPwCostsBase \(Invoer!B17\)/);
    assert.match(lines[0], /municipalities\[5\]\.pBudgets\[3\] \(Invoer!E45\)/);
    assert.ok(!fs.existsSync(at("volgende.xlsx")));
  });

  it("filled in: --input writes the 2025–2026 proposal with its look-back and changes", () => {
    fs.writeFileSync(at("gevuld.json"), JSON.stringify(filledNextPeriod()));
    const r = proposal("--input", "gevuld.json", "--out", "voorstel-2025.xlsx");
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /Nacalculatie, Mutaties/);
  });

  it("--next-from with --input, a name not ending in .json, a file without an input sheet: one line each", () => {
    assert.match(
      proposal("--next-from", "voorstel.xlsx", "--input", "x.json", "--out", "y.json").stderr,
      /--next-from/,
    );
    assert.match(proposal("--next-from", "voorstel.xlsx", "--out", "y.xlsx").stderr, /\.json/);
    const none = buildProposalPlan(PUBLISHED_2023_2024);
    return writePlanToXlsx({ ...none, sheets: none.sheets.slice(1, 3), names: [], charts: [] }, at("geen.xlsx")).then(
      () => {
        const r = proposal("--next-from", "geen.xlsx", "--out", "z.json");
        assert.equal(r.code, 2);
        assert.match(r.stderr, /geen invoerblad/);
      },
    );
  });
});
