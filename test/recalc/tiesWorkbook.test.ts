// Ties in the generated workbook: the Verdeling sheet's native largest-remainder formulas
// (src/core/proposal/allocationFormulas.ts), recalculated in LibreOffice, split every year as the
// independent BigInt rule does (test/support/largestRemainder.ts), and as PBUDGET_SHARE and the
// core do: tie-heavy P-budgets (multiples of 100,000 and 1,000, equal ones, cents), previous lump
// sums with cents, refunds. One workbook of 14 allocation years, one conversion.
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { allocateByBudget, D } from "../../src/core";
import { parseAddress, splitRef } from "../../src/core/plan/a1";
import { buildProposalPlan, PUBLISHED_2023_2024, type ProposalInput } from "../../src/core/proposal";
import { pbudgetShare } from "../../src/functions/functions";
import { writePlanToXlsx } from "../../src/writers/xlsxWriter";
import { largestRemainderRule } from "../support/largestRemainder";
import { readSheetValues, recalculate, requireLibreOffice } from "../support/libreoffice";
import { grid, type Values } from "../support/sheetValues";

const M = 8;
const PREVIOUS = 12;

/** Per year a column of M budgets: whole thousands or hundred-thousands, repeats, or cents (odd years). */
function budgetColumns(): number[][] {
  const whole = fc.oneof(
    fc.integer({ min: 0, max: 30 }).map((k) => k * 100_000),
    fc.integer({ min: 0, max: 3000 }).map((k) => k * 1000),
    fc.constantFrom(100_000, 1_300_000, 1_600_000),
  );
  const cents = fc.oneof(
    fc.integer({ min: 0, max: 2_900_000 }).map((k) => k / 100 + 1000),
    fc.constantFrom(1000, 1300, 1600),
  );
  const column = (cell: fc.Arbitrary<number>) =>
    fc.array(cell, { minLength: M, maxLength: M }).filter((b) => b.some((x) => x > 0));
  const sample = (cell: fc.Arbitrary<number>) => fc.sample(column(cell), { numRuns: PREVIOUS + 2, seed: 13 });
  const w = sample(whole);
  const c = sample(cents);
  const years = Array.from({ length: PREVIOUS + 2 }, (_, j) => (j < PREVIOUS && j % 2 === 1 ? c[j] : w[j]));
  years[0] = [100_000, 1_300_000, 1_600_000, 0, 0, 0, 0, 0]; // the example: 2000 → 66, 867, 1067
  years[1] = [100_000, 1_300_000, 1_600_000, 0, 0, 0, 0, 0]; // and −1000 → −33, −433, −534
  return years;
}

/** Previous lump sums: the 2000, whole thousands, odd euros, cents (half-cents too). */
const PREVIOUS_LUMPSUMS = [2000, 1000, 3000, 10.5, 2903670, 1234.56, 999_999.5, 7, 2_000_000, 0.49, 123_456.78, 1];
/** Years whose lump sum is set to a refund in the file (the input allows no negative lump sum). */
const REFUNDS: Record<number, number> = { 1: -1000, 3: -2.5, 9: -0.51 };

describe("ties in the workbook: the native formulas = the BigInt rule = PBUDGET_SHARE (LibreOffice)", function () {
  this.timeout(600_000);
  before(function () {
    requireLibreOffice(this);
  });

  const columns = budgetColumns();
  let values: Values;
  let allocation: unknown[][];
  let fees: number[];
  before(async () => {
    const input: ProposalInput = JSON.parse(JSON.stringify(PUBLISHED_2023_2024));
    delete input.published; // a constructed input: the report's printed figures do not belong to it
    const years = Array.from({ length: PREVIOUS }, (_, j) => 2022 - PREVIOUS + 1 + j);
    input.previous = {
      years,
      lumpSums: PREVIOUS_LUMPSUMS,
      wsw: years.map(() => 1400),
      pw: years.map(() => 400),
    };
    input.municipalities = Array.from({ length: M }, (_, i) => ({
      name: `Gemeente ${i + 1}`,
      pBudgets: columns.map((c) => c[i]),
    }));
    const plan = buildProposalPlan(input);
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ibn-ties-"));
    const file = path.join(tmp, "plan.xlsx");
    await writePlanToXlsx(plan, file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const inputs = wb.getWorksheet(plan.sheets[0].name)!;
    const first = parseAddress(
      splitRef(plan.names.find((n) => n.name === "ibn_prev_lumpsum")!.ref)
        .address.replace(/\$/g, "")
        .split(":")[0],
    );
    for (const [j, v] of Object.entries(REFUNDS)) inputs.getCell(first.row + 1, first.col + 1 + Number(j)).value = v;
    const edited = path.join(tmp, "edited.xlsx");
    await wb.xlsx.writeFile(edited);
    values = (await readSheetValues(await recalculate(edited))) as Values;
    allocation = grid(values, plan.keys.allocation);
    fees = grid(values, plan.keys.fee)[0] as number[];
  });

  it("every year: the workbook's parts, PBUDGET_SHARE and allocateByBudget equal the rule, adding up", () => {
    assert.equal(fees.length, PREVIOUS + 2);
    fees.forEach((fee, j) => {
      const budgets = columns[j];
      const want = largestRemainderRule(fee, budgets);
      const native = allocation.map((r) => (r[j] as number) + 0); // + 0: LibreOffice's -0 is Excel's 0
      assert.deepEqual(native, want, `year ${j + 1} (amount ${fee}, budgets ${budgets}): workbook`);
      const viaFunction = pbudgetShare(
        budgets.map((b) => [b]),
        fee,
      ).map((r) => r[0]);
      assert.deepEqual(viaFunction, want, `year ${j + 1}: PBUDGET_SHARE`);
      const core = allocateByBudget(
        new D(fee),
        budgets.map((b) => new D(b)),
      ).map((x) => x.toNumber() + 0);
      assert.deepEqual(core, want, `year ${j + 1}: core`);
      assert.equal(
        native.reduce((a, b) => a + b, 0),
        Math.sign(fee) * Math.round(Math.abs(fee)),
        `year ${j + 1}: the parts add up to the amount in whole euros`,
      );
    });
    assert.deepEqual(allocation.map((r) => r[0]).slice(0, 3), [66, 867, 1067], "2000 over the issue's budgets");
    assert.deepEqual(allocation.map((r) => (r[1] as number) + 0).slice(0, 3), [-33, -433, -534], "a refund of 1000");
  });
});
