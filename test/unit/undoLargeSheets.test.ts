// A generated sheet larger than one Excel request carries (the Scenario's sheet for 342
// municipalities over ten years) is written and fingerprinted in row chunks; undo reads it back in
// the same chunks, and refuses (never guesses) when the user wrote beyond its written area.
import assert from "node:assert/strict";
import { AddinError } from "../../src/core/errors";
import { buildProposalPlan } from "../../src/core/proposal";
import { previewUndo, undoLastGeneration, writePlan } from "../../src/excel/officeWriter";
import { officeWorkbook } from "../support/officeWorkbook";
import { bigInput } from "../support/proposalInputs";

describe("undo of a generation with a sheet too large for one request", function () {
  this.timeout(120_000);
  const plan = buildProposalPlan(bigInput(342, 10), "nl");

  it("unchanged: the preview finds every sheet unchanged and undo removes them all", async () => {
    const wb = officeWorkbook({ sheets: { Blad1: { A1: "mine" } } });
    await writePlan(wb.context, plan);
    const preview = await previewUndo(wb.context);
    assert.deepEqual(preview?.changed, []);
    assert.equal(preview?.unchanged.length, plan.sheets.length);
    await undoLastGeneration(wb.context);
    assert.deepEqual(wb.sheetNames(), ["Blad1"]);
  });

  it("a cell of yours beyond the Scenario's sheet's written area: undo refuses, nothing deleted", async () => {
    const wb = officeWorkbook({ sheets: { Blad1: { A1: "mine" } } });
    await writePlan(wb.context, plan);
    wb.sheet("Scenario's")!.cells.set("ZZ2000", "=Lumpsum!B9");
    await assert.rejects(
      previewUndo(wb.context),
      (e: unknown) => e instanceof AddinError && e.code === "undo.checkIncomplete",
    );
    assert.equal(wb.sheetNames().length, plan.sheets.length + 1, "every sheet still there");
  });
});
