// "Check tables" against a fake workbook on office-addin-mock: two syncs to read any number of
// tables, the same findings as the core, highlights that change no value and clear again.
import assert from "node:assert/strict";
import { buildEvaluationPlan, checkTables, REPORT_2023 } from "../../src/core/evaluation";
import { address } from "../../src/core/plan/a1";
import type { PlanSheet } from "../../src/core/plan/types";
import { checkWorkbook, clearHighlights, HIGHLIGHT_SETTING, showHighlights } from "../../src/excel/checkTablesCommand";
import { officeWorkbook } from "../support/officeWorkbook";

/** The constants of a plan sheet as fake-workbook cells, shifted down and right. */
function cellsOf(sheet: PlanSheet, down = 0, right = 0): Record<string, unknown> {
  const cells: Record<string, unknown> = {};
  sheet.blocks[0].rows.forEach((row, r) =>
    row.forEach((c, k) => c?.value != null && (cells[address(r + down, k + right)] = c.value)),
  );
  return cells;
}

describe("Check tables (Office.js, office-addin-mock, syncs counted)", () => {
  it("finds the report's inconsistencies at their real addresses, in two syncs", async () => {
    const plan = buildEvaluationPlan(REPORT_2023, { mode: "published" });
    const { context, counts } = officeWorkbook({
      sheets: { Intro: { A1: "Jaarverslag 2023" }, Tabellen: cellsOf(plan.sheets[0], 3, 2) },
    });
    const { tables, findings } = await checkWorkbook(context);
    assert.equal(counts.syncs, 2);
    assert.equal(tables.length, REPORT_2023.length);
    const core = checkTables(plan.placed);
    assert.equal(findings.length, core.length);
    const shift = (cell: string) =>
      cell.replace(
        /^([A-Z]+)(\d+)$/,
        (_, c: string, r: string) => `${String.fromCharCode(c.charCodeAt(0) + 2)}${Number(r) + 3}`,
      );
    assert.deepEqual(
      findings.map((f) => `${f.sheet}!${f.cell} ${f.kind}`),
      core.map((f) => `Tabellen!${shift(f.cell)} ${f.kind}`),
    );
    assert.equal(counts.rangeWrites.length, 0, "the checker reads only");
  });

  it("reads 1 table or 50 tables in the same two syncs", async () => {
    for (const copies of [1, 50]) {
      const sheets: Record<string, Record<string, unknown>> = {};
      const plan = buildEvaluationPlan(REPORT_2023.slice(0, 1), { mode: "published" });
      for (let i = 0; i < copies; i++) sheets[`Tabel ${i + 1}`] = cellsOf(plan.sheets[0]);
      const { context, counts } = officeWorkbook({ sheets });
      const { tables } = await checkWorkbook(context);
      assert.equal(tables.length, copies);
      assert.equal(counts.syncs, 2);
    }
  });

  it("highlights change fills only, are remembered, and clear again", async () => {
    const plan = buildEvaluationPlan(REPORT_2023, { mode: "published" });
    const { context, counts, book, snapshot } = officeWorkbook({ sheets: { Tabellen: cellsOf(plan.sheets[0]) } });
    const before = snapshot();
    const { findings } = await checkWorkbook(context);
    const shown = await showHighlights(context, findings);
    assert.equal(shown, findings.length);
    assert.ok(book.settings.has(HIGHLIGHT_SETTING));
    assert.equal(await clearHighlights(context), findings.length);
    assert.ok(!book.settings.has(HIGHLIGHT_SETTING));
    assert.deepEqual(snapshot(), before, "the workbook is exactly as before");
    assert.equal(counts.rangeWrites.length, 0, "no value written");
  });
});
