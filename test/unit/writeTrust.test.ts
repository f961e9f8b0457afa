// Writing and undo under unseen cases (formerly acceptanceTrust.test.ts, reviewer R1): undo never
// breaks a sheet it keeps, and a failure followed by a failure of its revert or retry.
import assert from "node:assert/strict";
import { buildProposalPlan } from "../../src/core/proposal";
import { AddinError } from "../../src/core/errors";
import { previewUndo, undoLastGeneration, writePlan } from "../../src/excel/officeWriter";
import { officeWorkbook, type OfficeWorkbook } from "../support/officeWorkbook";
import { atEveryOperation, timelessSnapshot } from "../support/faultInjection";
import { isDeepStrictEqual } from "node:util";
import { bigInput } from "../support/proposalInputs";

describe("undo never breaks a sheet it keeps", () => {
  const refCells = (wb: ReturnType<typeof officeWorkbook>) =>
    wb.book.sheets.flatMap((sh) =>
      [...sh.cells.values()].filter((v) => typeof v === "string" && v.includes("#REF!")).map((v) => `${sh.name}: ${v}`),
    );
  it("a kept (edited) generated sheet keeps the generated sheets its formulas use: no #REF!", async () => {
    const wb = officeWorkbook();
    await writePlan(wb.context, buildProposalPlan(bigInput(6, 2)));
    const edited = wb.sheet("Bezetting")!;
    edited.cells.set("Z99", "my note");
    const preview = (await previewUndo(wb.context))!;
    assert.ok(
      preview.needed.some((s) => s.name === "Invoer"),
      JSON.stringify(preview.needed),
    );
    assert.ok(!preview.unchanged.some((s) => s.name === "Invoer"), "not listed as removed");
    const r = (await undoLastGeneration(wb.context))!;
    assert.ok(r.keptSheets.includes("Bezetting") && r.keptSheets.includes("Invoer"), JSON.stringify(r));
    assert.deepEqual(refCells(wb), [], "the kept sheet's formulas still work");
    assert.equal(edited.cells.get("Z99"), "my note");
  });
  it("a user's own sheet that refers to a generated sheet and name keeps both: undo never breaks it", async () => {
    const wb = officeWorkbook({ sheets: { Sheet1: { A1: 1 } } });
    await writePlan(wb.context, buildProposalPlan(bigInput(6, 2)));
    wb.sheet("Sheet1")!.cells.set("B2", "=Lumpsum!B5*2");
    wb.sheet("Sheet1")!.cells.set("B3", "=SUM(ibn_pbudget)");
    const r = (await undoLastGeneration(wb.context))!;
    assert.ok(r.keptSheets.includes("Lumpsum"), JSON.stringify(r));
    assert.ok(r.keptNames.includes("ibn_pbudget") && !r.removedNames.includes("ibn_pbudget"), JSON.stringify(r));
    assert.equal(wb.sheet("Sheet1")!.cells.get("B2"), "=Lumpsum!B5*2");
    assert.deepEqual(refCells(wb), []);
  });
  it("after a reopen, a generated sheet the user renamed and edited (so unrecognisable) keeps what it uses", async () => {
    const wb = officeWorkbook();
    await writePlan(wb.context, buildProposalPlan(bigInput(6, 2)));
    wb.book.sheets.forEach((s, i) => (s.id = `{REOPENED-${i}}`));
    wb.context.workbook.worksheets.getItem("Bezetting").name = "Mijn bezetting";
    await wb.context.sync();
    wb.sheet("Mijn bezetting")!.cells.set("Z99", "my note");
    const preview = (await previewUndo(wb.context))!;
    assert.deepEqual(preview.missing, ["Bezetting"]);
    await undoLastGeneration(wb.context);
    assert.ok(wb.sheetNames().includes("Mijn bezetting") && wb.sheetNames().includes("Invoer"), wb.sheetNames().join());
    assert.deepEqual(refCells(wb), []);
    assert.equal(wb.sheet("Mijn bezetting")!.cells.get("Z99"), "my note");
  });
  it("with the edited sheet confirmed, everything the generation added goes", async () => {
    const wb = officeWorkbook();
    await writePlan(wb.context, buildProposalPlan(bigInput(6, 2)));
    const edited = wb.sheet("Bezetting")!;
    edited.cells.set("Z99", "my note");
    await undoLastGeneration(wb.context, { confirm: [edited.id] });
    assert.deepEqual(wb.sheetNames(), ["Sheet1"]);
    assert.equal(wb.book.names.size, 0);
  });
  it("undo after the user deleted one generated sheet removes the rest, and nothing of the user's", async () => {
    const wb = officeWorkbook({ sheets: { Sheet1: { A1: 1 } } });
    await writePlan(wb.context, buildProposalPlan(bigInput(6, 2)));
    wb.book.sheets.splice(wb.book.sheets.indexOf(wb.sheet("Lumpsum")!), 1);
    const r = (await undoLastGeneration(wb.context))!;
    // Excel turned the references to the deleted sheet into #REF!, so the sheets that used it count
    // as changed and stay (with what they use); everything else the generation added goes.
    assert.equal(wb.sheet("Sheet1")!.cells.get("A1"), 1);
    assert.ok(r.removedSheets.length > 0, JSON.stringify(r));
    assert.deepEqual(wb.sheetNames().sort(), ["Sheet1", ...r.keptSheets].sort());
  });
});

/** Makes operation k fail, and then, once that failure has surfaced, operation k2 of what follows (the revert or retry). */
function failTwice(wb: OfficeWorkbook, k: number, k2: number, sync?: number): void {
  const context = wb.context as unknown as { sync: () => Promise<unknown> };
  const sync0 = context.sync.bind(context);
  let failures = 0;
  context.sync = async () => {
    try {
      return await sync0();
    } catch (e) {
      if (failures++ === 0) wb.failAt(k2);
      throw e;
    }
  };
  wb.failAt(k, sync);
}

describe("a failure, and then a failure of the revert or retry", function () {
  this.timeout(120_000);
  const plan = buildProposalPlan(bigInput(6, 2));
  const userBook = () =>
    officeWorkbook({
      sheets: { Sheet1: { A1: 1 }, Invoer: { A1: "mine" } },
      names: { ibn_lumpsum: "=Sheet1!$A$1" },
    });
  it("staging fails and so does its cleanup: the user's defined name the plan also uses is untouched", async () => {
    for (let k = 1; k <= 60; k += 3)
      for (const k2 of [1, 2, 3]) {
        const wb = userBook();
        failTwice(wb, k, k2, 2); // sync 2 is the staging batch
        await assert.rejects(
          writePlan(wb.context, plan, { onConflict: "replace" }),
          (e: unknown) => e instanceof AddinError && /^write\.(failed|revertFailed)$/.test(e.code),
        );
        assert.equal(wb.book.names.get("ibn_lumpsum"), "=Sheet1!$A$1", `k=${k} k2=${k2}`);
        assert.equal(wb.sheet("Invoer")?.cells.get("A1"), "mine", `k=${k} k2=${k2}`);
      }
  });
  it("undo's read of the sheets fails (say, a user's sheet too large to read): it still ends as a clean undo", async () => {
    const plan1 = buildProposalPlan(bigInput(6, 2));
    const clean = officeWorkbook({ sheets: { Sheet1: { A1: 1 }, Big: { A1: "=1+1" } } });
    await writePlan(clean.context, plan1);
    await undoLastGeneration(clean.context);
    const wb = officeWorkbook({ sheets: { Sheet1: { A1: 1 }, Big: { A1: "=1+1" } } });
    await writePlan(wb.context, plan1);
    wb.failAt(1, 2); // the second sync of the undo: the used ranges
    await undoLastGeneration(wb.context);
    assert.equal(wb.failurePending(), false, "the failure was reached");
    assert.deepEqual(timelessSnapshot(wb), timelessSnapshot(clean));
  });
  it("undo fails and so does its retry: a typed error, and Undo again ends exactly as a clean undo", async () => {
    const clean = officeWorkbook();
    await writePlan(clean.context, plan);
    await undoLastGeneration(clean.context);
    const expected = timelessSnapshot(clean);
    for (let k = 1; k <= 40; k += 3)
      for (const k2 of [1, 2]) {
        const wb = officeWorkbook();
        await writePlan(wb.context, plan);
        failTwice(wb, k, k2);
        let error: unknown = null;
        try {
          await undoLastGeneration(wb.context);
        } catch (e) {
          error = e;
        }
        if (error === null) continue; // k past the undo's operations
        assert.ok(error instanceof AddinError && error.code === "undo.failed", `k=${k} k2=${k2}: ${String(error)}`);
        // Sheets whose references Excel turned into #REF! when the sheets they use went are listed
        // as changed (kept by default); confirmed, Undo again ends exactly as a clean undo.
        const preview = (await previewUndo(wb.context))!;
        await undoLastGeneration(wb.context, { confirm: preview.changed.map((s) => s.id) });
        assert.deepEqual(timelessSnapshot(wb), expected, `k=${k} k2=${k2}`);
      }
  });
});

describe("a replace where two plan sheets and a plan name clash with the user's (every k)", function () {
  this.timeout(300_000);
  it("exactly as before (with a typed error) or exactly as after, for every failing operation", async () => {
    const plan = buildProposalPlan(bigInput(3, 2));
    let before = 0;
    let after = 0;
    await atEveryOperation(
      () =>
        officeWorkbook({
          sheets: {
            Sheet1: { A1: 1, B1: "=Lumpsum!A1" },
            Invoer: { A1: "mine", C3: 3 },
            Lumpsum: { B2: 5 },
          },
          names: { ibn_lumpsum: "=Sheet1!$A$1", mine: "=Invoer!$C$3" },
        }),
      async () => undefined,
      (wb) => writePlan(wb.context, plan, { onConflict: "replace" }),
      ({ k, failed, error, now }, b, a) => {
        if (isDeepStrictEqual(now, b)) {
          before++;
          assert.ok(failed && error instanceof AddinError, `k=${k}: restored, and says so: ${String(error)}`);
        } else {
          assert.deepEqual(now, a, `k=${k}: neither as before nor as after`);
          after++;
        }
      },
    );
    assert.ok(before > 0 && after > 0, `${before} ${after}`);
  });
});
