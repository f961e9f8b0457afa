// "Volgende periode voorbereiden" below the pane (issue 14): the Excel layer reads the generated input
// sheet of the open workbook (by its name ibn_base_year), the core rolls it forward, and the draft's
// input sheet is a plan the pane writes like Insert input sheet. On the project's fake workbook.
import assert from "node:assert/strict";
import {
  buildInputSheetPlan,
  buildProposalPlan,
  missingInputs,
  PUBLISHED_2023_2024,
  rollForward,
  rollForwardFromValues,
  type Cell,
} from "../../src/core/proposal";
import { readProposalInputSheetIn } from "../../src/excel/proposalInputSheet";
import { writePlan } from "../../src/excel/officeWriter";
import { officeWorkbook } from "../support/officeWorkbook";

describe("the next period from the open workbook (src/excel/proposalInputSheet.ts)", () => {
  it("a workbook without a proposal: null", async () => {
    const wb = officeWorkbook({ sheets: { Blad1: { A1: 1 } } });
    assert.equal(await readProposalInputSheetIn(wb.context), null);
  });

  it("the generated Invoer sheet, read whole, rolls forward as from the proposal's input", async () => {
    const wb = officeWorkbook({ sheets: { Blad1: { A1: 1 } } });
    await writePlan(wb.context, buildProposalPlan(PUBLISHED_2023_2024, "nl"));
    const sheet = await readProposalInputSheetIn(wb.context);
    assert.ok(sheet);
    assert.equal(sheet.sheet, "Invoer");
    assert.equal(sheet.firstRow, 1);
    const rolled = rollForwardFromValues(sheet.values as Cell[][], { firstRow: sheet.firstRow });
    assert.deepEqual(rolled.read.problems, []);
    assert.deepEqual(rolled.next, rollForward(PUBLISHED_2023_2024));
    // What the pane writes next: the draft's input sheet, and the list of what is still to fill in.
    const plan = buildInputSheetPlan(rolled.next!, "nl");
    assert.equal(plan.sheets[0].name, "Lumpsum invoer");
    const missing = missingInputs(rolled.next!, plan.sheets[0].name);
    assert.equal(missing[0].cell, "'Lumpsum invoer'!B8");
    await writePlan(wb.context, plan, { onConflict: "keepBoth" });
  });
});
