// Share-safe: IBN formulas become native formulas with the same result (proved in LibreOffice on
// random inputs), or their value with a note; nothing else in a formula changes.
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { convertFormula } from "../../src/core/shareSafe";
import * as f from "../../src/functions/functions";
import { makeShareSafe } from "../../src/taskpane/shareSafeCommand";
import { fakeExcel } from "../support/fakeExcel";
import { readSheetValues, recalculate, requireLibreOffice } from "../support/libreoffice";

const native = (formula: string) => {
  const c = convertFormula(formula);
  assert.equal(c.kind, "native", JSON.stringify(c));
  return (c as { formula: string }).formula;
};

describe("share-safe: formula conversion", () => {
  it("converts each function with a native equivalent", () => {
    assert.equal(native("=IBN.LUMPSUM(B2:B8,C1,C2,C3,C4)"), "=((SUM(B2:B8)-(C1))*(C4)/(C2)+(C1)*(C3)/(C2))");
    assert.equal(native("=IBN.LUMPSUM(B2:B8,C1,C2,C3,C4,C5)"), "=((SUM(B2:B8)-(C1))*(C4)/(C2)+(C1)*(C3)/(C2)-(C5))");
    assert.equal(native("=IBN.EXTRA_COSTS(B2:B8,C2,C3)"), "=(SUM(B2:B8)*(C3)/(C2))");
    assert.equal(native("=IBN.LUMPSUM_PCT_PBUDGET(A1,B1:B6)"), "=((A1)/SUM(B1:B6))");
    assert.equal(native("=IBN.QUASI_INHOUSE_PCT(B6:D6,B10:D10)"), "=(SUM(B6:D6)/SUM(B10:D10))");
    assert.equal(native("=IBN.QUASI_INHOUSE_TEST(B6:D6,B10:D10,E1)"), "=(SUM(B6:D6)/SUM(B10:D10)>IF((E1)=0,0.8,(E1)))");
    assert.equal(native("=ibn.placement_rate(B2, 'Sheet, 2'!$C$2)"), "=((B2)/('Sheet, 2'!$C$2))");
  });
  it("converts nested calls, innermost first, and leaves the rest of the formula alone", () => {
    assert.equal(native('=ROUND(IBN.PW_SHARE(IBN.LUMPSUM_PER_FTE(A1,A2),A3),2)&" IBN.PW_SHARE("'), '=ROUND(((((A1)/(A2)))/(A3)),2)&" IBN.PW_SHARE("');
  });
  it("freezes what spills: PBUDGET_SHARE, OCCUPANCY_PROJECTION, by-year and ranged rates", () => {
    for (const formula of ["=IBN.PBUDGET_SHARE(C2:C7,A1)", "=IBN.OCCUPANCY_PROJECTION(1,2,3,4,5,6,7)", "=IBN.QUASI_INHOUSE_PCT(A1:C1,A2:C2,TRUE)", "=IBN.PLACEMENT_RATE(B2:B5,C2:C5)", "=SUM(IBN.PBUDGET_SHARE(C2:C7))"]) {
      assert.equal(convertFormula(formula).kind, "value", formula);
    }
  });
  it("never changes a formula without IBN calls, nor text that only mentions one", () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const formula = `=SUM(A1)&"${s.replace(/"/g, '""')}"`;
        assert.equal(convertFormula(formula).kind, "unchanged");
      }),
    );
    assert.equal(convertFormula('="IBN.LUMPSUM(1,2,3,4,5)"').kind, "unchanged");
    assert.equal(convertFormula("plain text IBN.LUMPSUM(").kind, "unchanged");
  });
  it("a converted formula never calls the add-in", () => {
    const calls = ["IBN.PW_SHARE(A1,A2)", "IBN.LUMPSUM_PER_FTE(B1,B2)", "IBN.ADDED_VALUE_EFFECT(1,2,3,4)", "IBN.EXTRA_COSTS(C1:C3,1,2)"];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...calls), { minLength: 1, maxLength: 4 }), (parts) => {
        const c = convertFormula(`=${parts.join("+")}`);
        assert.equal(c.kind, "native");
        assert.ok(!/IBN\./i.test((c as { formula: string }).formula));
      }),
    );
  });
});

describe("share-safe: native formulas equal the custom functions (LibreOffice, random inputs)", function () {
  this.timeout(300_000);
  before(function () {
    requireLibreOffice(this);
  });
  it("LUMPSUM, EXTRA_COSTS, PW_SHARE, ADDED_VALUE_EFFECT, LUMPSUM_PER_FTE, LUMPSUM_PCT_PBUDGET, QUASI_INHOUSE_PCT/TEST, PLACEMENT_RATE", async () => {
    const cases = fc.sample(
      fc.record({
        costs: fc.array(fc.integer({ min: 0, max: 5_000_000 }), { minLength: 3, maxLength: 3 }),
        specific: fc.integer({ min: 0, max: 400_000 }),
        fteBase: fc.integer({ min: 500, max: 3000 }),
        fteYear: fc.integer({ min: 500, max: 3000 }),
        pwShare: fc.integer({ min: 0, max: 100 }),
        effect: fc.integer({ min: 0, max: 100_000 }),
        attributable: fc.integer({ min: 0, max: 1000 }),
        extra: fc.integer({ min: 1, max: 1000 }),
      }),
      { numRuns: 25, seed: 42 },
    );
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Cases");
    const expected: number[][] = [];
    // One row per case: inputs in A:L, converted formulas from column N on.
    cases.forEach((c, i) => {
      const r = i + 1;
      const pw = (c.fteYear * c.pwShare) / 100;
      const inputs = [...c.costs, c.specific, c.fteBase, c.fteYear, pw, c.effect, c.attributable, c.attributable + c.extra, 200, 0.1];
      inputs.forEach((v, k) => (ws.getCell(r, k + 1).value = v));
      const formulas = [
        `=IBN.LUMPSUM(A${r}:C${r},D${r},E${r},F${r},G${r},H${r})`,
        `=IBN.EXTRA_COSTS(A${r}:C${r},E${r},F${r})`,
        `=IBN.PW_SHARE(G${r},F${r})`,
        `=IBN.ADDED_VALUE_EFFECT(K${r},L${r},0.15,D${r})`,
        `=IBN.LUMPSUM_PER_FTE(A${r},E${r})`,
        `=IBN.LUMPSUM_PCT_PBUDGET(A${r},B${r}:C${r})`,
        `=IBN.QUASI_INHOUSE_PCT(I${r},J${r})`,
        `=IBN.QUASI_INHOUSE_TEST(I${r},J${r})`,
        `=IBN.PLACEMENT_RATE(I${r},J${r})`,
      ];
      formulas.forEach((formula, k) => (ws.getCell(r, 14 + k).value = { formula: native(formula).slice(1) } as ExcelJS.CellFormulaValue));
      const budgets = [[c.costs[1]], [c.costs[2]]];
      expected.push([
        f.lumpsum([c.costs], c.specific, c.fteBase, c.fteYear, pw, c.effect),
        f.extraCosts([c.costs], c.fteBase, c.fteYear),
        f.pwShareOfFte(pw, c.fteYear),
        f.addedValue(200, 0.1, 0.15, c.specific),
        f.lumpsumPerFte(c.costs[0], c.fteBase),
        c.costs[1] + c.costs[2] > 0 ? f.lumpsumPctPbudget(c.costs[0], budgets) : NaN,
        f.quasiInhousePct([[c.attributable]], [[c.attributable + c.extra]])[0][0] as number,
        f.quasiInhouseTest([[c.attributable]], [[c.attributable + c.extra]]) ? 1 : 0,
        f.placementRateOf([[c.attributable]], [[c.attributable + c.extra]])[0][0] as number,
      ]);
    });
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "ibn-share-")), "cases.xlsx");
    await wb.xlsx.writeFile(file);
    const rows = (await readSheetValues(await recalculate(file))).get("Cases")!;
    expected.forEach((exp, i) =>
      exp.forEach((e, k) => {
        if (Number.isNaN(e)) return;
        const got = rows[i][13 + k];
        const value = typeof got === "boolean" ? Number(got) : (got as number);
        assert.ok(Math.abs(value - e) <= 1e-9 * Math.max(1, Math.abs(e)), `case ${i + 1}, formula ${k + 1}: ${value} vs ${e}`);
      }),
    );
  });
});

describe("share-safe: the Office.js command (office-addin-mock, syncs counted)", () => {
  function workbook(formulas: number) {
    const cells: Record<string, unknown> = { A1: 100, A2: 50 };
    for (let i = 0; i < formulas; i++) cells[`C${i + 1}`] = i % 2 ? "=IBN.PW_SHARE(A2,A1)" : "=IBN.PBUDGET_SHARE(A1:A2,1000)";
    return fakeExcel({ sheets: { Sheet1: cells, Other: { B2: "=SUM(1,2)" } }, computed: { "Sheet1!C1": 667 } });
  }
  it("converts, freezes with a note, reports, and leaves other formulas alone", async () => {
    const { context, state } = workbook(2);
    const report = await makeShareSafe(context, "workbook");
    assert.deepEqual(report.nativeCells, ["Sheet1!C2"]);
    assert.deepEqual(report.frozenCells, ["Sheet1!C1"]);
    assert.deepEqual(report.functions, { PBUDGET_SHARE: 1, PW_SHARE: 1 });
    assert.equal(state.sheets.get("Sheet1")!.get("C2"), "=((A2)/(A1))");
    assert.equal(state.sheets.get("Sheet1")!.get("C1"), 667);
    assert.match(state.notes[0], /^'?Sheet1'?!C1: IBN\.PBUDGET_SHARE → value/);
    assert.equal(state.sheets.get("Other")!.get("B2"), "=SUM(1,2)");
  });
  it("the same four syncs for 10 and 10,000 formulas", async () => {
    const syncs = [];
    for (const n of [10, 10_000]) {
      const { context, state } = workbook(n);
      const report = await makeShareSafe(context, "workbook");
      assert.equal(report.nativeCells.length + report.frozenCells.length, n);
      syncs.push(state.syncs);
    }
    assert.deepEqual(syncs, [4, 4]);
  });
  it("nothing to do: reads only", async () => {
    const { context, state } = fakeExcel({ sheets: { Sheet1: { A1: "=SUM(1)" } } });
    const report = await makeShareSafe(context, "workbook");
    assert.equal(report.nativeCells.length + report.frozenCells.length, 0);
    assert.equal(state.rangeWrites.length, 0);
  });
});
