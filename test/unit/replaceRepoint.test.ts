// Replace re-points the user's formulas (issue 13, trust hole 3): a formula of the user's that used a
// replaced generated sheet names its replacement afterwards, never #REF!, under every failing step.
import assert from "node:assert/strict";
import { isDeepStrictEqual } from "node:util";
import { buildProposalPlan } from "../../src/core/proposal";
import { AddinError } from "../../src/core/errors";
import { previewUndo, undoLastGeneration, writePlan } from "../../src/excel/officeWriter";
import { officeWorkbook, type OfficeWorkbook } from "../support/officeWorkbook";
import { atEveryOperation } from "../support/faultInjection";
import { bigInput } from "../support/proposalInputs";

/** Every cell formula and defined name that shows #REF!. */
const refCells = (wb: OfficeWorkbook) => [
  ...wb.book.sheets.flatMap((sh) =>
    [...sh.cells.entries()]
      .filter(([, v]) => typeof v === "string" && v.includes("#REF!"))
      .map(([a, v]) => `${sh.name}!${a}: ${String(v)}`),
  ),
  ...[...wb.book.names].filter(([, ref]) => ref.includes("#REF!")).map(([n, ref]) => `${n}: ${ref}`),
];
const idOf = (wb: OfficeWorkbook, name: string) => wb.sheet(name)!.id;

/** A workbook with a generation, and the user's own sheet built on it. */
async function generatedWithUserSheet(): Promise<OfficeWorkbook> {
  const wb = officeWorkbook({ sheets: { Mijn: { A1: "eigen" } } });
  await writePlan(wb.context, buildProposalPlan(bigInput(3, 2)));
  const mine = wb.sheet("Mijn")!;
  mine.cells.set("B2", "=Lumpsum!B9*2");
  mine.cells.set("B3", "=SUM(Verdeling!B5:B10)");
  mine.cells.set("B4", '=A1&"x"');
  return wb;
}

describe("Replace re-points the user's formulas at the replacement sheets", function () {
  this.timeout(300_000);
  const next = buildProposalPlan(bigInput(4, 2));

  it("after Replace the user's formulas name the new sheets (no #REF!, nothing set aside is left)", async () => {
    const wb = await generatedWithUserSheet();
    const old = [idOf(wb, "Lumpsum"), idOf(wb, "Verdeling")];
    const written = await writePlan(wb.context, next, { onConflict: "replace" });
    const mine = wb.sheet("Mijn")!;
    assert.equal(mine.cells.get("B2"), "=Lumpsum!B9*2");
    assert.equal(mine.cells.get("B3"), "=SUM(Verdeling!B5:B10)");
    assert.equal(mine.cells.get("B4"), '=A1&"x"', "a formula that uses no replaced sheet is not touched");
    // The names resolve to the new sheets: the replaced ones are gone, the new ones carry the names.
    assert.ok(!old.includes(idOf(wb, "Lumpsum")) && !old.includes(idOf(wb, "Verdeling")));
    assert.ok(written.record.sheets.some((s) => s.id === idOf(wb, "Lumpsum")));
    assert.ok(
      wb.book.sheets.every((s) => !old.includes(s.id)),
      "the replaced sheets are deleted",
    );
    assert.deepEqual(written.keptAside, []);
    assert.deepEqual(refCells(wb), []);
    // The new Lumpsum computes from cell B9 of its own: the formula reads a cell that was written.
    assert.ok(wb.sheet("Lumpsum")!.cells.has("B9"));
  });

  it("undo of that Replace keeps the sheets the user's formulas use, and the formulas still name them", async () => {
    const wb = await generatedWithUserSheet();
    await writePlan(wb.context, next, { onConflict: "replace" });
    const preview = (await previewUndo(wb.context))!;
    assert.ok(preview.needed.some((s) => s.name === "Lumpsum") && preview.needed.some((s) => s.name === "Verdeling"));
    const r = (await undoLastGeneration(wb.context))!;
    assert.ok(r.keptSheets.includes("Lumpsum") && r.keptSheets.includes("Verdeling"), JSON.stringify(r));
    assert.equal(wb.sheet("Mijn")!.cells.get("B2"), "=Lumpsum!B9*2");
    assert.equal(wb.sheet("Mijn")!.cells.get("B3"), "=SUM(Verdeling!B5:B10)");
    assert.deepEqual(refCells(wb), []);
  });

  it("a protected user sheet cannot be re-pointed: the replaced sheets are kept aside, not #REF!", async () => {
    const wb = await generatedWithUserSheet();
    wb.sheet("Mijn")!.protected = true;
    const old = idOf(wb, "Lumpsum");
    const replaced = wb.book.sheets.filter((s) => next.sheets.some((p) => p.name === s.name)).length;
    const written = await writePlan(wb.context, next, { onConflict: "replace" });
    assert.equal(written.keptAside.length, replaced, JSON.stringify(written.keptAside));
    const aside = wb.book.sheets.find((s) => s.id === old)!;
    assert.ok(written.keptAside.includes(aside.name));
    assert.equal(wb.sheet("Mijn")!.cells.get("B2"), `='${aside.name}'!B9*2`);
    assert.deepEqual(refCells(wb), []);
  });

  it("a user's sheet too large to read at once (26 × 5,000 cells) is read in chunks and re-pointed", async () => {
    const wb = await generatedWithUserSheet();
    wb.sheet("Mijn")!.cells.set("Z5000", "=Lumpsum!B10+1");
    await writePlan(wb.context, next, { onConflict: "replace" });
    assert.equal(wb.sheet("Mijn")!.cells.get("Z5000"), "=Lumpsum!B10+1");
    assert.equal(wb.sheet("Mijn")!.cells.get("B2"), "=Lumpsum!B9*2");
    assert.deepEqual(refCells(wb), []);
  });

  it("every failing operation (a user's defined name too): exactly as before (typed error) or exactly as after, never #REF!", async () => {
    let before = 0;
    let after = 0;
    const ops = await atEveryOperation(
      () => officeWorkbook({ sheets: { Mijn: { A1: "eigen" } } }),
      async (wb) => {
        await writePlan(wb.context, buildProposalPlan(bigInput(3, 2)));
        wb.sheet("Mijn")!.cells.set("B2", "=Lumpsum!B9*2");
        wb.sheet("Mijn")!.cells.set("B3", "=SUM(Verdeling!B5:B10)");
        wb.book.names.set("myTotal", "=Lumpsum!$B$9");
      },
      (wb) => writePlan(wb.context, next, { onConflict: "replace" }),
      ({ k, wb, failed, error, now }, b, a) => {
        assert.deepEqual(refCells(wb), [], `k=${k}`);
        if (isDeepStrictEqual(now, b)) {
          before++;
          assert.ok(failed && error instanceof AddinError, `k=${k}: restored, and says so: ${String(error)}`);
        } else {
          assert.deepEqual(now, a, `k=${k}: neither as before nor as after`);
          after++;
        }
      },
    );
    assert.ok(before > 0 && after > 0, `${before} ${after} of ${ops}`);
  });

  it("the user's own defined names that use a replaced sheet name its replacement; undo keeps what they use", async () => {
    const wb = await generatedWithUserSheet();
    wb.book.names.set("myTotal", "=Lumpsum!$B$9");
    wb.book.names.set("myRange", "='Verdeling'!$B$5:$B$10");
    wb.book.names.set("myOwn", "=Mijn!$A$1");
    const old = idOf(wb, "Lumpsum");
    const written = await writePlan(wb.context, next, { onConflict: "replace" });
    assert.deepEqual(written.keptAside, []);
    assert.notEqual(idOf(wb, "Lumpsum"), old);
    assert.equal(wb.book.names.get("myTotal"), "=Lumpsum!$B$9");
    assert.equal(wb.book.names.get("myRange"), "='Verdeling'!$B$5:$B$10", "set again exactly as it was");
    assert.equal(wb.book.names.get("myOwn"), "=Mijn!$A$1");
    assert.deepEqual(refCells(wb), []);
    // Undo: the sheets the names use stay (the name alone makes them needed), and the names still name them.
    wb.sheet("Mijn")!.cells = new Map([["A1", "eigen"]]);
    const preview = (await previewUndo(wb.context))!;
    assert.ok(
      preview.needed.some((s) => s.name === "Lumpsum"),
      JSON.stringify(preview.needed),
    );
    await undoLastGeneration(wb.context);
    assert.ok(wb.sheet("Lumpsum"));
    assert.equal(wb.book.names.get("myTotal"), "=Lumpsum!$B$9");
    assert.deepEqual(refCells(wb), []);
  });
});
