// Undo keeps every generated sheet that a staying formula still uses, also when a user's sheet is
// too large to read at once (read in chunks), through 3-D references, and that a staying chart
// plots; when the check cannot complete, nothing is deleted and undo says so, and when one read of
// it fails, undo still ends as a clean undo. A sheet undo keeps never breaks: no #REF!.
import assert from "node:assert/strict";
import { AddinError } from "../../src/core/errors";
import { buildProposalPlan, PUBLISHED_2023_2024 } from "../../src/core/proposal";
import { previewUndo, undoLastGeneration, writePlan } from "../../src/excel/officeWriter";
import { timelessSnapshot } from "../support/faultInjection";
import { officeWorkbook } from "../support/officeWorkbook";
import { bigInput } from "../support/proposalInputs";

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

  it("a 3-D reference over generated sheets keeps every sheet it spans", async () => {
    const { wb, written } = await generatedWith({ A1: "=SUM('Verdeling:Quasi-inbesteding'!B5)" });
    const at = (n: string) => written.sheets.indexOf(n);
    const spanned = written.sheets.slice(at("Verdeling"), at("Quasi-inbesteding") + 1);
    assert.ok(spanned.length >= 2, written.sheets.join());
    const done = await undoLastGeneration(wb.context);
    for (const s of spanned) assert.ok(done?.keptSheets.includes(s) && wb.sheet(s), `${s} kept`);
    assert.equal(wb.content("Blad1!A1"), "=SUM('Verdeling:Quasi-inbesteding'!B5)");
  });

  it("a user's chart that plots a generated sheet keeps that sheet, and its series still reads it", async () => {
    const { wb, written } = await generatedWith({ A1: "mine" });
    assert.ok(written.sheets.includes("Verdeling"));
    wb.addChart("Blad1", [{ values: "Verdeling!$H$5:$H$10", categories: "Verdeling!$A$5:$A$10" }]);
    const preview = (await previewUndo(wb.context))!;
    // Verdeling, and what Verdeling's own formulas use.
    assert.equal(preview.needed[0]?.name, "Verdeling", JSON.stringify(preview.needed));
    assert.ok(preview.unchanged.length > 0, "what no chart or formula uses still goes");
    const done = (await undoLastGeneration(wb.context))!;
    assert.ok(done.keptSheets.includes("Verdeling") && wb.sheet("Verdeling"));
    for (const gone of done.removedSheets) assert.ok(!wb.sheet(gone));
    const series = wb.sheet("Blad1")!.charts[0].series[0];
    assert.equal(series.values, "Verdeling!$H$5:$H$10");
  });

  it("a chart on a generated sheet the user edited (so it stays) keeps the sheets it plots", async () => {
    const { wb } = await generatedWith({ A1: "mine" });
    wb.sheet("Lumpsum")!.cells.set("Z1", "edited");
    const without = (await previewUndo(wb.context))!;
    assert.ok(!without.needed.some((s) => s.name === "Quasi-inbesteding"), "no formula of Lumpsum's uses it");
    wb.addChart("Lumpsum", [{ values: "'Quasi-inbesteding'!$B$5:$B$9" }]);
    const done = (await undoLastGeneration(wb.context))!;
    assert.ok(
      done.keptSheets.includes("Lumpsum") && done.keptSheets.includes("Quasi-inbesteding"),
      JSON.stringify(done),
    );
  });

  it("without ExcelApi 1.15 a staying chart's sources cannot be read: every generated sheet stays, none on a guess", async () => {
    const { wb, written } = await generatedWith({ A1: "mine" });
    wb.addChart("Blad1", [{ values: "Blad1!$A$1:$A$3" }]);
    const office = globalThis as { Office?: unknown };
    const saved = office.Office;
    office.Office = { context: { requirements: { isSetSupported: (_: string, v: string) => v !== "1.15" } } };
    try {
      const done = (await undoLastGeneration(wb.context))!;
      assert.deepEqual(done.removedSheets, []);
      assert.deepEqual([...done.keptSheets].sort(), [...written.sheets].sort());
      assert.deepEqual(done.removedNames, []);
    } finally {
      office.Office = saved;
    }
  });
});

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
