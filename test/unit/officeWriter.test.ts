// The Office.js writer against a fake workbook on office-addin-mock, context.sync counted.
import assert from "node:assert/strict";
import { buildProposalPlan, PUBLISHED_2023_2024 } from "../../src/core/proposal";
import type { WorkbookPlan } from "../../src/core/plan/types";
import { buildEvaluationPlan, REPORT_2023 } from "../../src/core/evaluation";
import { GENERATION_SETTING, chunkAddresses, undoLastGeneration, writeAtSelection, writePlan } from "../../src/taskpane/officeWriter";
import { fakeExcel } from "../support/fakeExcel";
import { bigInput } from "../support/proposalInputs";

const small = () => buildProposalPlan(PUBLISHED_2023_2024);
const large = () => buildProposalPlan(bigInput(342, 10));
const cellCount = (plan: WorkbookPlan) => plan.sheets.reduce((n, s) => n + s.blocks.reduce((m, b) => m + b.rows.length * b.rows[0].length, 0), 0);

describe("Office.js writer (office-addin-mock, syncs counted)", () => {
  it("6 municipalities × 2 years and 342 × 10: the same two syncs, range writes independent of the cell count", async () => {
    const results = [];
    for (const plan of [small(), large()]) {
      const { context, state } = fakeExcel();
      await writePlan(context, plan);
      results.push({ syncs: state.syncs, writes: state.rangeWrites.length, cells: cellCount(plan) });
      assert.equal(state.sheets.size, 1 + plan.sheets.length);
      assert.equal(state.names.size, plan.names.length);
    }
    assert.ok(results[1].cells > 20 * results[0].cells, `the large plan is much larger (${results[1].cells} vs ${results[0].cells} cells)`);
    assert.deepEqual(results.map((r) => r.syncs), [2, 2]);
    assert.equal(results[0].writes, results[1].writes, "one formulas and one numberFormat write per block, whatever its size");
    assert.equal(results[0].writes, 2 * 6);
  });

  it("writes native formulas and constants in one matrix per sheet", async () => {
    const { context, state } = fakeExcel();
    await writePlan(context, small());
    const alloc = state.sheets.get("Verdeling")!;
    assert.match(String(alloc.get("J5")), /^=INT\(O5\)\+IF\(P5<=\$J\$14,1,0\)$/);
    assert.equal(state.sheets.get("Invoer")!.get("B9"), 3242308);
    assert.equal(state.charts.length, 1);
  });

  it("writes nothing when validation fails", async () => {
    const { context, state } = fakeExcel();
    const bad = small();
    bad.sheets[1] = { ...bad.sheets[1], name: "Bad/name" };
    await assert.rejects(writePlan(context, bad), /cannot be written/);
    assert.equal(state.syncs, 0);
    assert.deepEqual([...state.sheets.keys()], ["Sheet1"]);
  });

  it("keeps both by default: an existing sheet and name stay untouched; the plan goes to 'Name (2)' with rewritten formulas", async () => {
    const { context, state } = fakeExcel({ sheets: { Sheet1: {}, Lumpsum: { A1: "my own work" } }, names: ["ibn_base_year"] });
    const record = await writePlan(context, small());
    assert.equal(state.sheets.get("Lumpsum")!.get("A1"), "my own work");
    assert.equal(state.sheets.get("Lumpsum")!.size, 1);
    assert.ok(record.sheets.includes("Lumpsum (2)") && record.sheets.includes("Verdeling (2)"));
    assert.match(String(state.sheets.get("Verdeling (2)")!.get("J12")), /^='Lumpsum \(2\)'!\$B\$13$/);
    assert.ok(state.names.has("ibn2_base_year"));
    assert.equal(state.names.get("ibn_base_year"), "=Sheet1!$A$1");
  });

  it("replace, only when chosen: deletes just the conflicting sheet and name", async () => {
    const { context, state } = fakeExcel({ sheets: { Sheet1: { A1: 1 }, Lumpsum: { A1: "old" }, Other: { B2: 2 } }, names: ["ibn_base_year", "mine"] });
    await writePlan(context, small(), { onConflict: "replace" });
    assert.notEqual(state.sheets.get("Lumpsum")!.get("A1"), "old");
    assert.equal(state.sheets.get("Other")!.get("B2"), 2);
    assert.equal(state.sheets.get("Sheet1")!.get("A1"), 1);
    assert.ok(state.names.has("mine"));
  });

  it("undo removes exactly what the last generation added, and nothing else", async () => {
    const { context, state } = fakeExcel({ sheets: { Sheet1: { A1: 1 }, Notes: { C3: "x" } }, names: ["mine"] });
    const before = { sheets: [...state.sheets.keys()], names: [...state.names.keys()] };
    const record = await writePlan(context, small());
    assert.ok(state.settings.has(GENERATION_SETTING));
    state.syncs = 0;
    const removed = await undoLastGeneration(context);
    assert.deepEqual(removed?.removedSheets, record.sheets);
    assert.deepEqual(removed?.removedNames.sort(), record.names.sort());
    assert.deepEqual([...state.sheets.keys()], before.sheets);
    assert.deepEqual([...state.names.keys()], before.names);
    assert.equal(state.sheets.get("Notes")!.get("C3"), "x");
    assert.equal(state.syncs, 2);
    assert.equal(await undoLastGeneration(context), null, "nothing left to undo");
  });

  it("splits long style area lists into chunks Excel accepts", () => {
    const chunks = chunkAddresses(Array.from({ length: 1000 }, (_, i) => `A${i + 1}:C${i + 1}`), 200);
    assert.ok(chunks.every((c) => c.length <= 200));
    assert.equal(chunks.join(",").split(",").length, 1000);
  });
});

describe("Office.js writer: at the selection", () => {
  const tables = () => buildEvaluationPlan(REPORT_2023.slice(0, 2));
  it("writes the tables at the selected cell in three syncs, and undo clears exactly that range", async () => {
    const { context, state } = fakeExcel({ sheets: { Blad1: { A1: "keep me" } }, selection: "Blad1!C3" });
    const record = await writeAtSelection(context, tables());
    assert.equal(state.syncs, 3);
    assert.equal(state.sheets.get("Blad1")!.get("C3"), "Aanmeldingen Basispakket (stroomcijfers)");
    assert.equal(state.sheets.get("Blad1")!.get("A1"), "keep me");
    assert.match(record.ranges![0], /^'Blad1'!C3:/);
    await undoLastGeneration(context);
    assert.deepEqual([...state.sheets.get("Blad1")!.keys()], ["A1"]);
  });
  it("refuses to write over a non-empty cell, and writes nothing", async () => {
    const { context, state } = fakeExcel({ sheets: { Blad1: { E9: 42 } }, selection: "Blad1!C3" });
    await assert.rejects(writeAtSelection(context, tables()), /E9 is not empty/);
    assert.equal(state.rangeWrites.length, 0);
    assert.deepEqual([...state.sheets.get("Blad1")!.entries()], [["E9", 42]]);
  });
  it("overwrites only when the user chose to", async () => {
    const { context, state } = fakeExcel({ sheets: { Blad1: { E9: 42 } }, selection: "Blad1!C3" });
    await writeAtSelection(context, tables(), { overwrite: true });
    assert.notEqual(state.sheets.get("Blad1")!.get("E9"), 42);
  });
});
