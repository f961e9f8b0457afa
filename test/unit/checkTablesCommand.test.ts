// "Check tables" against a fake workbook on office-addin-mock: two syncs to read any number of
// tables, the same findings as the core, highlights that change no value and clear again.
import assert from "node:assert/strict";
import { buildEvaluationPlan, checkTables, REPORT_2023 } from "../../src/core/evaluation";
import { address } from "../../src/core/plan/a1";
import type { PlanSheet } from "../../src/core/plan/types";
import { AddinError } from "../../src/core/errors";
import { checkWorkbook } from "../../src/excel/checkTablesCommand";
import { clearHighlights, HIGHLIGHT_SETTING, showHighlights } from "../../src/excel/highlights";
import { allOrNothing } from "../support/faultInjection";
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

  describe("highlights on the one undoable-action skeleton (src/excel/undoableAction.ts)", () => {
    const plan = buildEvaluationPlan(REPORT_2023, { mode: "published" });
    const make = () => {
      const wb = officeWorkbook({ sheets: { Tabellen: cellsOf(plan.sheets[0]) } });
      wb.sheet("Tabellen")!.styles.set("B5", { "fill.color": "#00B050" }); // a fill of the user's under a finding, perhaps
      return wb;
    };
    const findingsOf = async (wb: ReturnType<typeof make>) => (await checkWorkbook(wb.context)).findings;

    it("highlighting, failing at every operation, is all or nothing (write.failed), and so is clearing", async () => {
      const shown = await allOrNothing(
        make,
        async () => undefined,
        async (wb) => showHighlights(wb.context, await findingsOf(wb)),
      );
      assert.ok(shown > 3);
      await allOrNothing(
        make,
        async (wb) => showHighlights(wb.context, await findingsOf(wb)),
        (wb) => clearHighlights(wb.context),
      );
    });

    it("its record lives under the one key scheme; the previous version's key is still cleared, and removed", async () => {
      assert.equal(HIGHLIGHT_SETTING, "ibn.undo.highlights");
      const wb = make();
      const before = wb.snapshot();
      const findings = await findingsOf(wb);
      const [first] = findings;
      wb.context.workbook.worksheets.getItem(first.sheet).getRange(first.cell).format.fill.color = "#FDE7E9";
      wb.context.workbook.settings.add(
        "ibn.checkHighlights",
        JSON.stringify([{ sheet: first.sheet, cell: first.cell, color: "#FFFFFF" }]),
      );
      await wb.context.sync();
      assert.equal(await clearHighlights(wb.context), 1);
      assert.ok(!wb.book.settings.has("ibn.checkHighlights"));
      assert.deepEqual(wb.snapshot(), before, "the fill the old version set is gone, and its record");
    });

    it("a protected sheet: highlighting refuses before it writes (write.sheetProtected), and a later highlight on another sheet works", async () => {
      const wb = officeWorkbook({
        sheets: { Tabellen: cellsOf(plan.sheets[0]), Kopie: cellsOf(plan.sheets[0]) },
        protectedSheets: ["Tabellen"],
      });
      const before = wb.snapshot();
      const findings = await findingsOf(wb);
      await assert.rejects(
        showHighlights(wb.context, findings),
        (e: unknown) => e instanceof AddinError && e.code === "write.sheetProtected" && e.params?.sheet === "Tabellen",
      );
      assert.deepEqual(wb.snapshot(), before, "nothing written, no record");
      const elsewhere = findings.filter((f) => f.sheet === "Kopie");
      assert.equal(await showHighlights(wb.context, elsewhere), elsewhere.length);
      assert.equal(await clearHighlights(wb.context), elsewhere.length);
      assert.deepEqual(wb.snapshot(), before);
    });

    it("clearing leaves a fill the user chose since: it is theirs", async () => {
      const wb = make();
      const findings = await findingsOf(wb);
      await showHighlights(wb.context, findings);
      const [first] = findings;
      wb.context.workbook.worksheets.getItem(first.sheet).getRange(first.cell).format.fill.color = "#0000FF";
      await wb.context.sync();
      assert.equal(await clearHighlights(wb.context), findings.length - 1);
      const fill = wb.context.workbook.worksheets.getItem(first.sheet).getRange(first.cell).format.fill.load("color");
      await wb.context.sync();
      assert.equal(fill.color.toUpperCase(), "#0000FF");
      assert.ok(!wb.book.settings.has(HIGHLIGHT_SETTING));
    });

    it("a highlighted sheet deleted since: clearing forgets the record and touches nothing else", async () => {
      const wb = officeWorkbook({ sheets: { Tabellen: cellsOf(plan.sheets[0]), Blad2: { A1: 1 } } });
      await showHighlights(wb.context, await findingsOf(wb));
      wb.context.workbook.worksheets.getItem("Tabellen").delete();
      await wb.context.sync();
      const before = wb.snapshot();
      assert.equal(await clearHighlights(wb.context), 0, "no cell to restore");
      assert.ok(!wb.book.settings.has(HIGHLIGHT_SETTING));
      const after = wb.snapshot();
      assert.deepEqual({ ...after, settings: [] }, { ...before, settings: [] }, "only the record went");
    });
  });
});
