// Replace re-points the user's formulas: a formula of the user's that used a replaced generated sheet
// names its replacement afterwards, never #REF!, under every failing step; undo of the Replace brings
// the replaced sheets back, and the formula points back at them.
import assert from "node:assert/strict";
import { isDeepStrictEqual } from "node:util";
import { buildProposalPlan } from "../../src/core/proposal";
import { previewUndo, undoLastGeneration, writePlan } from "../../src/excel/officeWriter";
import { officeWorkbook, type OfficeWorkbook } from "../support/officeWorkbook";
import { atEveryOperation, beforeOrAfter } from "../support/faultInjection";
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

  it("after Replace the user's formulas name the new sheets (no #REF!); the replaced ones wait hidden for its undo", async () => {
    const wb = await generatedWithUserSheet();
    const old = [idOf(wb, "Lumpsum"), idOf(wb, "Verdeling")];
    const written = await writePlan(wb.context, next, { onConflict: "replace" });
    const mine = wb.sheet("Mijn")!;
    assert.equal(mine.cells.get("B2"), "=Lumpsum!B9*2");
    assert.equal(mine.cells.get("B3"), "=SUM(Verdeling!B5:B10)");
    assert.equal(mine.cells.get("B4"), '=A1&"x"', "a formula that uses no replaced sheet is not touched");
    // The names resolve to the new sheets; the replaced ones are set aside, hidden, and recorded.
    assert.ok(!old.includes(idOf(wb, "Lumpsum")) && !old.includes(idOf(wb, "Verdeling")));
    assert.ok(written.record.sheets.some((s) => s.id === idOf(wb, "Lumpsum")));
    for (const id of old) {
      const aside = wb.book.sheets.find((s) => s.id === id)!;
      assert.match(aside.name, /^~ibn \w+ old \d+$/);
      assert.equal(aside.visibility, "Hidden");
    }
    assert.deepEqual(
      written.record.replaced!.sheets.map((s) => s.name).sort(),
      wb.book.sheets
        .filter((s) => s.visibility === "Visible" && s.name !== "Mijn")
        .map((s) => s.name)
        .sort(),
    );
    assert.deepEqual(written.keptAside, []);
    assert.deepEqual(refCells(wb), []);
    // The new Lumpsum computes from cell B9 of its own: the formula reads a cell that was written.
    assert.ok(wb.sheet("Lumpsum")!.cells.has("B9"));
    // A next generation takes this record's place: what it set aside can no longer come back, and goes.
    await writePlan(wb.context, next, { onConflict: "replace" });
    assert.ok(
      wb.book.sheets.every((s) => !old.includes(s.id)),
      "the first generation's sheets are gone",
    );
    assert.equal(wb.book.sheets.filter((s) => s.visibility === "Hidden").length, written.record.sheets.length);
  });

  it("undo of that Replace brings the replaced sheets back, and the user's formulas point back at them", async () => {
    const wb = await generatedWithUserSheet();
    const first = wb.snapshot();
    const firstRecord = wb.book.settings.get("ibn.undo.proposal");
    await writePlan(wb.context, next, { onConflict: "replace" });
    const preview = (await previewUndo(wb.context))!;
    assert.deepEqual(preview.needed, []);
    assert.ok(preview.restores.includes("Lumpsum") && preview.restores.includes("Verdeling"), JSON.stringify(preview));
    const r = (await undoLastGeneration(wb.context))!;
    assert.deepEqual(r.keptSheets, []);
    assert.deepEqual(r.restoredSheets.sort(), preview.restores.sort());
    assert.equal(wb.sheet("Mijn")!.cells.get("B2"), "=Lumpsum!B9*2");
    assert.deepEqual(refCells(wb), []);
    // Exactly the workbook before the Replace: its sheets (ids, names, visibility, content), names and record.
    const now = wb.snapshot();
    assert.deepEqual(now.sheets, first.sheets);
    assert.deepEqual(now.names, first.names);
    assert.equal(wb.book.settings.get("ibn.undo.proposal"), firstRecord, "the first generation's record is back");
    // And that generation can be undone in its turn.
    const again = (await undoLastGeneration(wb.context))!;
    assert.ok(again.removedSheets.includes("Lumpsum") || again.keptSheets.includes("Lumpsum"));
  });

  it("undo of a Replace failing at every operation: it finishes (exactly as before the Replace) or changes nothing", async () => {
    let back = 0;
    let untouched = 0;
    const ops = await atEveryOperation(
      () => officeWorkbook({ sheets: { Mijn: { A1: "eigen" } } }),
      async (wb) => {
        await writePlan(wb.context, buildProposalPlan(bigInput(3, 2)));
        wb.sheet("Mijn")!.cells.set("B2", "=Lumpsum!B9*2");
        wb.book.names.set("myTotal", "=Lumpsum!$B$9");
        await writePlan(wb.context, next, { onConflict: "replace" });
      },
      (wb) => undoLastGeneration(wb.context),
      ({ k, wb, now }, b, a) => {
        assert.deepEqual(refCells(wb), [], `k=${k}`);
        if (isDeepStrictEqual(now, a)) back++;
        else {
          assert.deepEqual(now, b, `k=${k}: neither finished nor untouched`);
          untouched++;
        }
      },
    );
    assert.equal(back + untouched, ops);
    assert.ok(back > 0, `${back} ${untouched} of ${ops}`);
  });

  it("undo of a Replace whose new sheet was edited and kept: nothing comes back, the set-aside sheets go, no #REF!", async () => {
    const wb = await generatedWithUserSheet();
    await writePlan(wb.context, next, { onConflict: "replace" });
    wb.sheet("Tabel")?.cells.set("Z1", "mine");
    wb.sheet("Lumpsum")!.cells.set("Z99", "mine");
    const preview = (await previewUndo(wb.context))!;
    assert.deepEqual(preview.restores, []);
    const r = (await undoLastGeneration(wb.context))!;
    assert.ok(r.keptSheets.includes("Lumpsum"));
    assert.deepEqual(r.restoredSheets, []);
    assert.ok(!wb.book.sheets.some((s) => s.name.startsWith("~ibn")), "nothing set aside is left");
    assert.equal(wb.sheet("Mijn")!.cells.get("B2"), "=Lumpsum!B9*2");
    // (Defined names stay while a generated sheet stays, as for any generation: only cells are checked here.)
    assert.deepEqual(
      refCells(wb).filter((r) => r.split(": ")[0].includes("!")),
      [],
    );
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
      (run, b, a) => {
        assert.deepEqual(refCells(run.wb), [], `k=${run.k}`);
        if (beforeOrAfter(run, b, a) === "before") before++;
        else after++;
      },
    );
    // Every operation belongs to a batch that is put back when it fails (the replaced sheets wait
    // hidden for undo: no delete runs after the commit here), so every failing run ends as before.
    assert.equal(before + after, ops, `${before} ${after} of ${ops}`);
    assert.ok(before > 0);
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
    // Undo: the names were re-pointed by the Replace and are unchanged: they point back at the sheets put back.
    wb.sheet("Mijn")!.cells = new Map([["A1", "eigen"]]);
    const preview = (await previewUndo(wb.context))!;
    assert.deepEqual(preview.needed, []);
    assert.ok(preview.restores.includes("Lumpsum"));
    await undoLastGeneration(wb.context);
    assert.equal(idOf(wb, "Lumpsum"), old, "the replaced Lumpsum is back");
    assert.equal(wb.book.names.get("myTotal"), "=Lumpsum!$B$9");
    assert.deepEqual(refCells(wb), []);
  });
});
