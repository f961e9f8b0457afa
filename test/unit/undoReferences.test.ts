// Undo keeps every generated sheet that a staying formula still uses, also when a user's sheet is
// too large to read at once (read in chunks), and through 3-D references; when the check cannot
// complete, nothing is deleted and undo says so.
import assert from "node:assert/strict";
import { AddinError } from "../../src/core/errors";
import { buildProposalPlan, PUBLISHED_2023_2024 } from "../../src/core/proposal";
import { previewUndo, undoLastGeneration, writePlan } from "../../src/excel/officeWriter";
import { officeWorkbook } from "../support/officeWorkbook";

const plan = () => buildProposalPlan(PUBLISHED_2023_2024, "nl");

async function generatedWith(cells: Record<string, unknown>) {
  const wb = officeWorkbook({ sheets: { Blad1: { A1: "mine" } } });
  const written = await writePlan(wb.context, plan());
  wb.book.sheets.find((s) => s.name === "Blad1")!.cells = new Map(Object.entries(cells));
  return { wb, written };
}

describe("undo: what a staying sheet uses stays", () => {
  it("a user's sheet over 100,000 cells is read in chunks: the sheet its formula uses stays, no #REF!", async () => {
    const { wb, written } = await generatedWith({ A1: "x", Z5000: "=Lumpsum!B9*2" });
    assert.ok(written.sheets.includes("Lumpsum"));
    const preview = await previewUndo(wb.context);
    assert.ok(
      preview?.needed.some((s) => s.name === "Lumpsum"),
      "Lumpsum is needed",
    );
    assert.ok(preview!.unchanged.length > 0, "what nothing uses still goes: the check completed");
    await undoLastGeneration(wb.context);
    assert.equal(wb.content("Blad1!Z5000"), "=Lumpsum!B9*2");
    assert.ok(wb.sheet("Lumpsum"));
  });

  it("when even the chunked read fails, nothing is deleted and undo says why", async () => {
    const { wb } = await generatedWith({ A1: "x", Z5000: "=1+1" });
    const before = wb.snapshot();
    // Sync 2 (every sheet at once) fails on the fake's payload limit; Excel then refuses sync 4,
    // the sizes of the user's sheets for the chunked read.
    let reads = 0;
    const sync = wb.context.sync.bind(wb.context);
    (wb.context as { sync: () => Promise<void> }).sync = async () => {
      if (++reads === 4) throw new Error("GeneralException: refused");
      await sync();
    };
    await assert.rejects(
      undoLastGeneration(wb.context),
      (e: unknown) => e instanceof AddinError && e.code === "undo.checkIncomplete",
    );
    assert.deepEqual(wb.snapshot(), before);
  });

  it("a 3-D reference over generated sheets keeps every sheet it spans", async () => {
    const { wb, written } = await generatedWith({ A1: "=SUM('Verdeling:Quasi-inbesteding'!B5)" });
    const at = (n: string) => written.sheets.indexOf(n);
    const spanned = written.sheets.slice(at("Verdeling"), at("Quasi-inbesteding") + 1);
    assert.ok(spanned.length >= 2, written.sheets.join());
    const done = await undoLastGeneration(wb.context);
    for (const s of spanned) assert.ok(done?.keptSheets.includes(s) && wb.sheet(s), `${s} kept`);
    assert.equal(wb.content("Blad1!A1"), "=SUM('Verdeling:Quasi-inbesteding'!B5)");
  });
});
