// Protection is read before every write and every undo: a protected workbook structure, or a
// protected sheet that undo would delete, is refused before anything changes (names included).
import assert from "node:assert/strict";
import { AddinError } from "../../src/core/errors";
import { buildProposalPlan, PUBLISHED_2023_2024 } from "../../src/core/proposal";
import { previewUndo, undoLastGeneration, writePlan } from "../../src/excel/officeWriter";
import { makeShareSafe, undoShareSafe } from "../../src/excel/shareSafeCommand";
import { undoLastInsert, writeAtSelection } from "../../src/excel/tableInsert";
import { officeWorkbook } from "../support/officeWorkbook";

const plan = () => buildProposalPlan(PUBLISHED_2023_2024, "nl");
/** The proposal's defined names (29 before issue 16 added the model inputs' three). */
const NAMES = plan().names.length;
const coded = (code: string) => (e: unknown) => e instanceof AddinError && e.code === code;

async function generated() {
  const wb = officeWorkbook({ sheets: { Blad1: { A1: "mine" } }, names: { mine: "=Blad1!$A$1" } });
  const written = await writePlan(wb.context, plan());
  return { wb, written };
}

describe("undo: protection is read before anything changes", () => {
  it("a protected workbook structure: the preview and the undo are refused; all its names and the sheets stay", async () => {
    const { wb, written } = await generated();
    assert.equal(written.names.length, NAMES);
    wb.book.protected = true;
    const before = wb.snapshot();
    await assert.rejects(previewUndo(wb.context), coded("undo.workbookProtected"));
    await assert.rejects(undoLastGeneration(wb.context), coded("undo.workbookProtected"));
    assert.deepEqual(wb.snapshot(), before, "not one name deleted, no sheet touched, the record kept");
    await assert.rejects(undoLastGeneration(wb.context), /Unprotect the workbook/);
    wb.book.protected = false;
    const done = await undoLastGeneration(wb.context);
    assert.deepEqual(done?.removedSheets, written.sheets, "once unprotected, Undo again does it all");
    assert.deepEqual(wb.sheetNames(), ["Blad1"]);
  });

  it("a protected generated sheet that undo would delete: refused, naming it; nothing changed", async () => {
    const { wb, written } = await generated();
    wb.sheet(written.sheets[2])!.protected = true;
    const before = wb.snapshot();
    await assert.rejects(
      undoLastGeneration(wb.context),
      (e: unknown) => coded("write.sheetProtected")(e) && (e as AddinError).params.sheet === written.sheets[2],
    );
    assert.deepEqual(wb.snapshot(), before);
  });

  it("a protected structure refuses a write before staging: no hidden sheet, no name", async () => {
    const wb = officeWorkbook({ protectedWorkbook: true });
    const before = wb.snapshot();
    await assert.rejects(writePlan(wb.context, plan()), coded("write.workbookProtected"));
    assert.deepEqual(wb.snapshot(), before);
    assert.equal(wb.counts.syncs, 1, "refused after the one read");
  });

  it("every in-place undo too (Insert, Share-safe): a sheet protected since the action is refused before anything changes", async () => {
    const wb = officeWorkbook({
      sheets: { Blad1: { A1: "mine", F1: "=IBN.PW_SHARE(1,2)" } },
      selection: "Blad1!C3",
    });
    await writeAtSelection(wb.context, {
      sheets: [{ name: "T", blocks: [{ anchor: "A1", rows: [[{ value: "x" }]] }] }],
      names: [],
      charts: [],
    });
    await makeShareSafe(wb.context, "workbook", { today: new Date(2026, 0, 1) });
    wb.sheet("Blad1")!.protected = true;
    const before = wb.snapshot();
    const ops = wb.counts.operations;
    await assert.rejects(undoShareSafe(wb.context), coded("write.sheetProtected"));
    await assert.rejects(undoLastInsert(wb.context), coded("write.sheetProtected"));
    assert.deepEqual(wb.snapshot(), before);
    assert.equal(wb.counts.operations, ops, "nothing queued that ran");
  });
});
