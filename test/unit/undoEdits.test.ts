// What counts as the user's edit of a generated sheet: besides its formulas and values, a note the
// user added, and a number format or fill they changed. Undo then asks instead of deleting.
import assert from "node:assert/strict";
import { buildProposalPlan, PUBLISHED_2023_2024 } from "../../src/core/proposal";
import { previewUndo, undoLastGeneration, writePlan } from "../../src/excel/officeWriter";
import { officeWorkbook, type OfficeWorkbook } from "../support/officeWorkbook";

const plan = () => buildProposalPlan(PUBLISHED_2023_2024, "nl");

async function editedBy(edit: (wb: OfficeWorkbook) => void) {
  const wb = officeWorkbook({ sheets: { Blad1: { A1: "mine" } } });
  await writePlan(wb.context, plan());
  edit(wb);
  return wb;
}

const cases: [string, string, (wb: OfficeWorkbook) => void][] = [
  ["a note added at Lumpsum!B9", "Lumpsum", (wb) => wb.sheet("Lumpsum")!.notes.set("B9", "Gecontroleerd")],
  ["a number format changed at Verdeling!B5", "Verdeling", (wb) => wb.sheet("Verdeling")!.formats.set("B5", "0.000")],
  [
    "a fill changed at Verdeling!B5",
    "Verdeling",
    (wb) => wb.sheet("Verdeling")!.styles.set("B5", { "fill.color": "#FFFF00" }),
  ],
];

describe("undo: a note, a number format or a fill the user changed is an edit", () => {
  for (const [what, sheet, edit] of cases)
    it(`${what}: undo lists ${sheet} as edited and keeps it unless confirmed`, async () => {
      const wb = await editedBy(edit);
      const preview = await previewUndo(wb.context);
      assert.deepEqual(
        preview?.changed.map((s) => [s.name, s.reason]),
        [[sheet, "edited"]],
      );
      const done = await undoLastGeneration(wb.context);
      assert.ok(done?.keptSheets.includes(sheet));
      assert.ok(wb.sheet(sheet), `${sheet} is still there`);
    });

  it("without an edit, the look matches and undo removes every sheet", async () => {
    const wb = await editedBy(() => undefined);
    const preview = await previewUndo(wb.context);
    assert.deepEqual(preview?.changed, []);
    const done = await undoLastGeneration(wb.context);
    assert.deepEqual(done?.keptSheets, []);
    assert.deepEqual(wb.sheetNames(), ["Blad1"]);
  });
});
