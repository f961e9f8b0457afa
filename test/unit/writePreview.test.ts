// The pane's preview is the Excel layer's own plan of the write (previewWrite): the sheet names,
// addresses and names it announces are the ones writePlan then writes, for keep both and replace.
import assert from "node:assert/strict";
import { AddinError } from "../../src/core/errors";
import { buildProposalPlan, PUBLISHED_2023_2024 } from "../../src/core/proposal";
import { previewWrite, writePlan, type ConflictChoice } from "../../src/excel/officeWriter";
import { officeWorkbook } from "../support/officeWorkbook";

const plan = () => buildProposalPlan(PUBLISHED_2023_2024, "nl");
/** The proposal's defined names (29 before issue 16 added the model inputs' three). */
const NAMES = plan().names.length;

describe("the write's own preview (previewWrite)", () => {
  for (const onConflict of ["keepBoth", "replace"] as ConflictChoice[])
    it(`${onConflict}: after a first generation, the preview names exactly what the write writes, in one read`, async () => {
      const wb = officeWorkbook({ sheets: { Blad1: { A1: 1 } } });
      await writePlan(wb.context, plan());
      const before = wb.snapshot();
      wb.counts.syncs = 0;
      const preview = await previewWrite(wb.context, plan(), onConflict);
      assert.equal(wb.counts.syncs, 1);
      assert.deepEqual(wb.snapshot(), before, "the preview writes nothing");
      const written = await writePlan(wb.context, plan(), { onConflict });
      assert.deepEqual(
        preview.sheets.map((s) => s.as),
        written.sheets,
      );
      assert.deepEqual(preview.names, written.names);
      assert.ok(preview.sheets.every((s) => s.clash));
      if (onConflict === "keepBoth") {
        assert.equal(preview.sheets[0].as, "Invoer (2)");
        assert.ok(preview.sheets.every((s) => !s.replaces));
        assert.deepEqual(preview.replacesNames, []);
      } else {
        assert.ok(preview.sheets.every((s) => s.replaces));
        assert.equal(preview.replacesNames.length, NAMES);
      }
      assert.match(preview.sheets[0].address, /^A1:/);
    });

  it("says what would refuse the write: a protected structure, or a protected sheet Replace would remove", async () => {
    const wb = officeWorkbook({ sheets: { Invoer: { A1: "mine" } }, protectedSheets: ["Invoer"] });
    const replace = await previewWrite(wb.context, plan(), "replace");
    assert.ok(replace.refusal instanceof AddinError && replace.refusal.code === "write.sheetProtected");
    assert.equal((await previewWrite(wb.context, plan(), "keepBoth")).refusal, undefined);
    wb.book.protected = true;
    assert.equal((await previewWrite(wb.context, plan(), "keepBoth")).refusal?.code, "write.workbookProtected");
  });
});
