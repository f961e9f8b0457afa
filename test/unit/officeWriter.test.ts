// The Office.js writer against the one fake workbook (test/support/officeWorkbook.ts): commands take
// effect at context.sync, which is counted, as are operations, range requests and range writes; the
// k-th operation can be made to fail, and whole-workbook snapshots compared.
import assert from "node:assert/strict";
import { columnLetter } from "../../src/core/plan/a1";
import { blockChunks } from "../../src/core/plan/blockChunks";
import { CHUNK_CELLS, rowChunks } from "../../src/excel/areaChunks";
import { areaOf } from "../../src/excel/sheetLook";
import { chunkAddresses, sheetAreas } from "../../src/core/plan/geometry";
import { OFFICE_STYLES } from "../../src/excel/cellStyle";
import type { PlanCell, PlanSheet, WorkbookPlan } from "../../src/core/plan/types";
import { AddinError } from "../../src/core/errors";
import { buildProposalPlan } from "../../src/core/proposal";
import {
  previewUndo,
  TEMP_PREFIX,
  undoLastGeneration,
  writePlan,
  type WriteOptions,
} from "../../src/excel/officeWriter";
import { atEveryOperation } from "../support/faultInjection";
import { officeWorkbook, type OfficeWorkbook, type WorkbookInit } from "../support/officeWorkbook";
import { bigInput } from "../support/proposalInputs";
import {
  newSheetsRecord,
  parseSheetsRecord,
  PROPOSAL_SETTING,
  recordSetting,
  sheetFingerprint,
} from "../../src/excel/generationRecord";

const EURO = '"€" #,##0';

/**
 * `rows` municipalities × `years` years: an input sheet (header, names, amounts), a sheet of formulas
 * referring to it and to a defined name (one string literal names it too), totals, a rate block
 * beside the table, two defined names and a chart.
 */
function generatedPlan(rows: number, years: number): WorkbookPlan {
  const cols = Array.from({ length: years }, (_, j) => columnLetter(1 + j));
  const lastRow = rows + 2;
  const rateCol = columnLetter(years + 2);
  const line = (first: PlanCell, rest: (col: string, j: number) => PlanCell | null) => [first, ...cols.map(rest)];
  const inputs: PlanSheet = {
    name: "Invoer",
    blocks: [
      {
        anchor: "A1",
        rows: [
          line({ value: "Gemeente", style: "header" }, (_, j) => ({ value: 2023 + j, format: "0", style: "header" })),
          ...Array.from({ length: rows }, (_, i) =>
            line({ value: `Gemeente ${i + 1}`, style: "label" }, (_, j) => ({
              value: 1000 * (i + 1) + j,
              format: EURO,
              style: "input",
            })),
          ),
        ],
      },
    ],
    columnWidths: [24, ...cols.map(() => 12)],
    freeze: { rows: 1, columns: 1 },
    tabColor: "FFC000",
  };
  const calc: PlanSheet = {
    name: "Berekening",
    blocks: [
      {
        anchor: "A1",
        rows: [
          line({ value: "Bijdrage", style: "title" }, () => null),
          line({ value: "Gemeente", style: "header" }, (c) => ({
            formula: `='Invoer'!${c}1`,
            format: "0",
            style: "header",
          })),
          ...Array.from({ length: rows }, (_, i) =>
            line({ formula: `='Invoer'!A${i + 2}`, style: "label" }, (c) => ({
              formula: `='Invoer'!${c}${i + 2}*ibn_rate`,
              format: EURO,
              style: "calc",
            })),
          ),
          line({ value: "Totaal", style: "total" }, (c) => ({
            formula: `=SUM(${c}3:${c}${lastRow})`,
            format: EURO,
            style: "total",
          })),
          line({ formula: '=IF(ibn_rate>0,"ibn_rate is set","check \'Invoer\'!")', style: "check" }, () => null),
        ],
      },
      {
        anchor: `${rateCol}1`,
        rows: [
          [
            { value: "Tarief", style: "label" },
            { value: 0.5, format: "0%", style: "input" },
          ],
        ],
      },
    ],
    columnWidths: [24, ...cols.map(() => 14)],
  };
  return {
    sheets: [inputs, calc],
    names: [
      { name: "ibn_rate", ref: `'Berekening'!$${columnLetter(years + 3)}$1` },
      { name: "ibn_budgets", ref: `'Invoer'!$B$2:$${cols[years - 1]}$${rows + 1}` },
    ],
    charts: [
      {
        sheet: "Berekening",
        title: "Bijdrage per gemeente",
        type: "columnClustered",
        categories: `'Berekening'!$A$3:$A$${lastRow}`,
        series: [{ name: "2023", values: `'Berekening'!$B$3:$B$${lastRow}` }],
        from: `A${lastRow + 4}`,
        to: `H${lastRow + 22}`,
      },
    ],
  };
}

const cellCount = (plan: WorkbookPlan) =>
  plan.sheets.reduce((n, s) => n + s.blocks.reduce((m, b) => m + b.rows.length * b.rows[0].length, 0), 0);
const blockCount = (plan: WorkbookPlan) => plan.sheets.reduce((n, s) => n + s.blocks.length, 0);

/** One full generation into a fresh workbook, and what it cost. */
async function generate(plan: WorkbookPlan, options: WriteOptions = {}, init: WorkbookInit = {}) {
  const wb = officeWorkbook(init);
  await writePlan(wb.context, plan, options);
  const { syncs, rangeRequests, rangeWrites, formatted } = wb.counts;
  return {
    syncs,
    rangeRequests,
    rangeWrites: rangeWrites.length,
    formatCalls: formatted.length,
    cells: cellCount(plan),
  };
}

const tempSheets = (wb: OfficeWorkbook) => wb.sheetNames().filter((n) => n.startsWith(TEMP_PREFIX.trim()));
const visibleSheets = (wb: OfficeWorkbook) =>
  wb.book.sheets.filter((s) => s.visibility === "Visible").map((s) => s.name);

describe("Office.js writer: round trips (one fake workbook, syncs counted)", () => {
  it("6 × 2 and 342 × 10: the same three syncs (read, stage, commit) and the same range requests and writes, whatever the cell count", async () => {
    const [small, large] = [await generate(generatedPlan(6, 2)), await generate(generatedPlan(342, 10))];
    assert.ok(large.cells > 100 * small.cells, `${large.cells} cells against ${small.cells}`);
    assert.equal(small.syncs, 3);
    assert.deepEqual(large, { ...small, cells: large.cells });
    assert.equal(
      small.rangeWrites,
      2 * blockCount(generatedPlan(6, 2)),
      "one formulas and one numberFormat write per block",
    );
  });

  it("replace, 6 × 2 and 342 × 10: four syncs (read, the other sheets' formulas to re-point, stage, commit); five when an earlier Replace's set-aside sheets go", async () => {
    const init = { sheets: { Sheet1: { A1: 1 }, Invoer: { A1: "old" } }, names: { ibn_rate: "=Sheet1!$A$1" } };
    const [small, large] = [
      await generate(generatedPlan(6, 2), { onConflict: "replace" }, init),
      await generate(generatedPlan(342, 10), { onConflict: "replace" }, init),
    ];
    assert.deepEqual([small.syncs, large.syncs], [4, 4]);
    const wb = officeWorkbook(init);
    await writePlan(wb.context, generatedPlan(6, 2), { onConflict: "replace" });
    wb.counts.syncs = 0;
    await writePlan(wb.context, generatedPlan(6, 2), { onConflict: "replace" });
    assert.equal(wb.counts.syncs, 5, "the first Replace's set-aside sheets are deleted in one more sync");
    assert.equal(tempSheets(wb).length, 2, "only the last Replace's set-aside sheets stay (hidden) for its undo");
  });

  it("the proposal plan, 6 × 2 and 342 × 10: three syncs, two writes per sheet, range requests growing only with the chart's series", async function () {
    this.timeout(60_000);
    const plans = [buildProposalPlan(bigInput(6, 2)), buildProposalPlan(bigInput(342, 10))];
    const [small, large] = [await generate(plans[0]), await generate(plans[1])];
    assert.deepEqual([small.syncs, large.syncs], [3, 3]);
    // Eleven sheets since the cycle's Mutaties sheet (issue 14) and the council's Scenario's,
    // Samenvatting and Per gemeente (issue 16); Mutaties' chart has a series per change of year.
    // Two writes per block, and a block too large for one request goes in row chunks: the
    // Scenario's sheet for 342 municipalities over ten years (src/core/plan/blockChunks.ts).
    const chunks = (plan: WorkbookPlan) =>
      plan.sheets.reduce((n, s) => n + s.blocks.flatMap((b) => blockChunks(b, CHUNK_CELLS)).length, 0);
    assert.deepEqual(plans.map(chunks), [11, 20]);
    assert.deepEqual([small.rangeWrites, large.rangeWrites], [22, 40]);
    // The Per gemeente and Scenario's sheets (issue 16) style a page or a row per municipality: their
    // style areas go in chunks of addresses, so they grow with the municipalities, by one request per
    // 2,000 characters. Large blocks are written, and read for the undo fingerprint, in row chunks.
    const styleChunks = (plan: WorkbookPlan) =>
      plan.sheets.reduce((n, sheet) => {
        const areas = sheetAreas(sheet, (c) => (c.style && OFFICE_STYLES[c.style] ? c.style : undefined));
        return n + [...areas.values()].reduce((k, list) => k + chunkAddresses(list).length, 0);
      }, 0);
    const readChunks = (plan: WorkbookPlan) => plan.sheets.reduce((n, sheet) => n + rowChunks(areaOf(sheet)).length, 0);
    const moreStyles = styleChunks(plans[1]) - styleChunks(plans[0]);
    assert.ok(moreStyles < (2 * 342) / 20, `${moreStyles} more style requests for 342 municipalities`);
    const moreChunks = 2 * (chunks(plans[1]) - chunks(plans[0])) + 2 * (readChunks(plans[1]) - readChunks(plans[0]));
    assert.ok(
      // The charts' series: Mutaties' per change of year, Verdeling's, and Scenario's per year (2 → 10).
      large.rangeRequests - small.rangeRequests <= 10 - 2 + (9 - 1) + (10 - 2) + moreStyles + moreChunks,
      `range requests ${small.rangeRequests} → ${large.rangeRequests} (styles +${moreStyles}, chunks +${moreChunks})`,
    );
  });
});

describe("Office.js writer: what a generation writes", () => {
  it("cells, number formats, styles per area, layout, defined names, a chart, the first sheet active, and the record", async () => {
    const wb = officeWorkbook();
    const progress: number[] = [];
    const written = await writePlan(wb.context, generatedPlan(6, 2), {
      onProgress: (fraction) => progress.push(fraction),
    });
    assert.ok(
      progress.every((f, i) => i === 0 || f > progress[i - 1]) && progress.at(-1) === 1,
      `progress ${progress}`,
    );
    const [inputs, calc] = [wb.sheet("Invoer")!, wb.sheet("Berekening")!];
    assert.deepEqual(wb.sheetNames(), ["Sheet1", "Invoer", "Berekening"]);
    assert.deepEqual(
      wb.book.sheets.map((s) => s.visibility),
      ["Visible", "Visible", "Visible"],
    );
    assert.equal(inputs.cells.get("B2"), 1000);
    assert.equal(inputs.cells.get("A7"), "Gemeente 6");
    assert.equal(inputs.formats.get("C7"), EURO);
    // Written against the staged sheet's name, then renamed along with it (as Excel shows it).
    assert.equal(calc.cells.get("C8"), "=Invoer!C7*ibn_rate");
    assert.equal(calc.cells.get("B9"), "=SUM(B3:B8)");
    assert.equal(calc.cells.get("F1"), 0.5);
    assert.equal(calc.formats.has("B1"), false, "null cells are left alone");
    const styled = (sheet: string, address: string) =>
      wb.counts.formatted.find((f) => f.sheet === sheet && f.address === address)?.props;
    assert.deepEqual(styled("Invoer", "B2:C7"), { "fill.color": "#FFF4CE" });
    assert.equal(styled("Invoer", "A1:C1")?.["font.bold"], true);
    assert.deepEqual(styled("Invoer", "B:C"), { columnWidth: (12 * 7 + 5) * 0.75 });
    assert.deepEqual(inputs.frozen, { at: "A1" });
    assert.equal(inputs.tabColor, "#FFC000");
    assert.deepEqual(
      [...wb.book.names],
      [
        ["ibn_rate", "='Berekening'!$F$1"],
        ["ibn_budgets", "='Invoer'!$B$2:$C$7"],
      ],
    );
    assert.deepEqual(calc.charts, [
      {
        type: "ColumnClustered",
        source: "$B$3:$B$8",
        seriesBy: "Columns",
        title: "Bijdrage per gemeente",
        series: [{ name: "2023", values: "$B$3:$B$8", categories: "$A$3:$A$8" }],
        from: "A12",
        to: "H30",
      },
    ]);
    assert.equal(wb.book.active, "Invoer");
    assert.deepEqual(written.sheets, ["Invoer", "Berekening"]);
    const record = JSON.parse(String(wb.book.settings.get(PROPOSAL_SETTING)));
    assert.deepEqual(record, written.record);
    assert.deepEqual(
      record.sheets.map((s: { id: string; name: string }) => [s.id, s.name]),
      [
        [inputs.id, "Invoer"],
        [calc.id, "Berekening"],
      ],
    );
    assert.deepEqual(tempSheets(wb), []);
  });

  it("keeps text that Excel would read as a number, date or formula as text", async () => {
    const texts = ["2023", "1-2", "=not a formula", "NB", "12%", "TRUE", "Gemeente 1"];
    const wb = officeWorkbook();
    await writePlan(wb.context, {
      sheets: [{ name: "T", blocks: [{ anchor: "A1", rows: [texts.map((value) => ({ value }))] }] }],
      names: [],
      charts: [],
    });
    assert.deepEqual(
      texts.map((_, i) => wb.sheet("T")!.cells.get(`${columnLetter(i)}1`)),
      texts,
    );
  });

  it("returns the plan it wrote: for keep both, renamed sheets, names and the proposal's key references", async () => {
    const planned = buildProposalPlan(bigInput(6, 2));
    const wb = officeWorkbook();
    await writePlan(wb.context, planned);
    const again = await writePlan(wb.context, planned);
    assert.deepEqual(
      again.sheets,
      planned.sheets.map((s) => `${s.name} (2)`),
    );
    assert.deepEqual(
      again.plan.sheets.map((s) => s.name),
      again.sheets,
    );
    assert.ok(again.names.every((n) => n.startsWith("ibn2_")));
    const lumpSum = again.plan.keys.lumpSum;
    assert.ok(lumpSum.includes(" (2)'!"), lumpSum);
  });
});

describe("Office.js writer: refusals before the first write", () => {
  it("writes nothing, and does not even look, when the plan is invalid", async () => {
    const wb = officeWorkbook({ sheets: { Sheet1: { A1: 1 } } });
    const bad = generatedPlan(6, 2);
    bad.sheets[1] = { ...bad.sheets[1], name: "Bad/name" };
    await assert.rejects(writePlan(wb.context, bad), /cannot be written.*Bad\/name/);
    assert.deepEqual([wb.counts.syncs, wb.counts.rangeRequests, wb.counts.rangeWrites.length], [0, 0, 0]);
    assert.deepEqual(wb.sheetNames(), ["Sheet1"]);
    assert.equal(wb.book.settings.size, 0);
  });

  it("writes nothing when the renamed variant would be invalid (two long names trimmed alike)", async () => {
    const long = (end: string) => "x".repeat(28) + end;
    const plan: WorkbookPlan = {
      sheets: [long("abc"), long("abd")].map((name) => ({ name, blocks: [{ anchor: "A1", rows: [[{ value: 1 }]] }] })),
      names: [],
      charts: [],
    };
    const wb = officeWorkbook({ sheets: { [long("abc")]: {} } });
    await assert.rejects(writePlan(wb.context, plan), /appears more than once/);
    assert.equal(wb.counts.syncs, 1, "only the inspection");
    assert.deepEqual(wb.sheetNames(), [long("abc")]);
  });

  it("a protected workbook structure: refused with a typed error after one read, nothing written", async () => {
    const wb = officeWorkbook({
      sheets: { Invoer: { A1: "mine" } },
      names: { ibn_rate: "=Invoer!$A$1" },
      protectedWorkbook: true,
    });
    const before = wb.snapshot();
    for (const onConflict of ["keepBoth", "replace"] as const) {
      await assert.rejects(
        writePlan(wb.context, generatedPlan(6, 2), { onConflict }),
        (e: unknown) => e instanceof AddinError && e.code === "write.workbookProtected" && /Unprotect/.test(e.message),
      );
    }
    assert.equal(wb.counts.operations, 0);
    assert.deepEqual(wb.snapshot(), before);
  });

  it("replace onto a protected sheet: refused, nothing written; keep both beside it is fine", async () => {
    const wb = officeWorkbook({ sheets: { Invoer: { A1: "mine" } }, protectedSheets: ["Invoer"] });
    const before = wb.snapshot();
    await assert.rejects(
      writePlan(wb.context, generatedPlan(6, 2), { onConflict: "replace" }),
      (e: unknown) => e instanceof AddinError && e.code === "write.sheetProtected" && e.params.sheet === "Invoer",
    );
    assert.equal(wb.counts.operations, 0);
    assert.deepEqual(wb.snapshot(), before);
    const written = await writePlan(wb.context, generatedPlan(6, 2));
    assert.deepEqual(written.sheets, ["Invoer (2)", "Berekening (2)"]);
  });
});

describe("Office.js writer: existing sheets and names", () => {
  it("keeps both by default: the existing sheet and name stay untouched; the plan goes to 'Name (2)' with every reference rewritten", async () => {
    const wb = officeWorkbook({
      sheets: { Invoer: { A1: "my own work", B2: 7 } },
      names: { ibn_rate: "='Invoer'!$B$2" },
    });
    const written = await writePlan(wb.context, generatedPlan(6, 2));
    assert.deepEqual(wb.sheetNames(), ["Invoer", "Invoer (2)", "Berekening (2)"]);
    assert.deepEqual(
      [...wb.sheet("Invoer")!.cells],
      [
        ["A1", "my own work"],
        ["B2", 7],
      ],
    );
    const calc = wb.sheet("Berekening (2)")!;
    assert.equal(calc.cells.get("B3"), "='Invoer (2)'!B2*ibn2_rate");
    assert.equal(
      calc.cells.get("A10"),
      '=IF(ibn2_rate>0,"ibn_rate is set","check \'Invoer\'!")',
      "never inside string literals",
    );
    assert.equal(wb.book.names.get("ibn_rate"), "='Invoer'!$B$2");
    assert.equal(wb.book.names.get("ibn2_rate"), "='Berekening (2)'!$F$1");
    assert.deepEqual(written.sheets, ["Invoer (2)", "Berekening (2)"]);
    assert.deepEqual(written.names, ["ibn2_rate", "ibn2_budgets"]);
    assert.equal(calc.charts.length, 1);
  });

  it("replace, only when chosen: the clashing sheet and name give way to the new ones; nothing else changes", async () => {
    const wb = officeWorkbook({
      sheets: { Sheet1: { A1: 1 }, Invoer: { A1: "old", Z9: "old" }, Other: { B2: 2 } },
      names: { IBN_RATE: "=Other!$A$1", mine: "=Other!$B$2" },
    });
    const written = await writePlan(wb.context, generatedPlan(6, 2), { onConflict: "replace" });
    assert.deepEqual(visibleSheets(wb), ["Sheet1", "Other", "Invoer", "Berekening"]);
    assert.equal(wb.sheet("Invoer")!.cells.get("A1"), "Gemeente");
    assert.equal(wb.sheet("Invoer")!.cells.has("Z9"), false, "a new sheet, not the old one written over");
    assert.deepEqual([...wb.sheet("Other")!.cells], [["B2", 2]]);
    assert.deepEqual([...wb.sheet("Sheet1")!.cells], [["A1", 1]]);
    assert.deepEqual([...wb.book.names.keys()].sort(), ["ibn_budgets", "ibn_rate", "mine"]);
    assert.deepEqual(written.sheets, ["Invoer", "Berekening"]);
    assert.deepEqual(written.keptAside, []);
    // The user's Invoer waits hidden for the undo of this Replace, under the attempt's name.
    assert.deepEqual(
      tempSheets(wb).map((s) => s.replace(/^~ibn \w+ /, "~ibn * ")),
      ["~ibn * old 1"],
    );
    assert.equal(wb.book.sheets.find((s) => s.name.startsWith("~ibn"))!.cells.get("Z9"), "old");
  });

  it("replace works when the clashing sheet is the workbook's only sheet, and its undo brings it back", async () => {
    const wb = officeWorkbook({ sheets: { Invoer: { A1: "old" } } });
    const before = wb.snapshot();
    await writePlan(wb.context, generatedPlan(6, 2), { onConflict: "replace" });
    assert.deepEqual(visibleSheets(wb), ["Invoer", "Berekening"]);
    const r = (await undoLastGeneration(wb.context))!;
    assert.deepEqual(r.restoredSheets, ["Invoer"]);
    assert.deepEqual(wb.snapshot().sheets, before.sheets);
  });
});

describe("Office.js writer: undo by identity", () => {
  it("removes exactly the sheets and names the generation added, and nothing else, in three syncs", async () => {
    const wb = officeWorkbook({
      sheets: { Sheet1: { A1: 1 }, Invoer: { C3: "x" } },
      names: { mine: "=Sheet1!$A$1", ibn_rate: "=Sheet1!$A$1" },
    });
    const before = wb.snapshot();
    const written = await writePlan(wb.context, generatedPlan(6, 2));
    wb.counts.syncs = 0;
    const preview = await previewUndo(wb.context);
    assert.deepEqual(
      preview?.unchanged.map((s) => s.name),
      written.sheets,
    );
    assert.deepEqual([preview?.changed, preview?.names], [[], written.names]);
    assert.equal(wb.counts.syncs, 2, "the preview reads only");
    wb.counts.syncs = 0;
    const removed = await undoLastGeneration(wb.context);
    assert.deepEqual(removed, {
      removedSheets: written.sheets,
      removedNames: written.names,
      keptSheets: [],
      keptNames: [],
      kept: [],
      restoredSheets: [],
    });
    assert.deepEqual(wb.snapshot(), before);
    assert.equal(wb.counts.syncs, 3);
    assert.equal(await undoLastGeneration(wb.context), null, "nothing left to undo");
  });

  it("keeps a generated sheet the user has edited (and the names its formulas use), unless confirmed", async () => {
    const wb = officeWorkbook();
    await writePlan(wb.context, generatedPlan(6, 2));
    const calc = wb.sheet("Berekening")!;
    calc.cells.set("H20", "my note");
    const preview = (await previewUndo(wb.context))!;
    // 'Invoer' is as written, but the kept 'Berekening' refers to it: deleting it would turn those
    // formulas into #REF! for good, so it stays too (listed as needed).
    assert.deepEqual(preview.unchanged, []);
    assert.deepEqual(
      preview.needed.map((s) => s.name),
      ["Invoer"],
    );
    assert.deepEqual(preview.changed, [{ id: calc.id, name: "Berekening", reason: "edited" }]);
    assert.deepEqual([preview.names, [...preview.keptNames].sort()], [[], ["ibn_budgets", "ibn_rate"]]);
    const kept = await undoLastGeneration(wb.context);
    assert.deepEqual(kept, {
      removedSheets: [],
      removedNames: [],
      keptSheets: ["Berekening", "Invoer"],
      keptNames: preview.keptNames,
      kept: [
        { name: "Berekening", reason: "edited" },
        { name: "Invoer", reason: "needed" },
      ],
      restoredSheets: [],
    });
    assert.equal(calc.cells.get("H20"), "my note");
    assert.equal(calc.cells.get("B3"), "=Invoer!B2*ibn_rate", "no #REF!");
    assert.deepEqual(wb.sheetNames(), ["Sheet1", "Invoer", "Berekening"]);
    assert.equal(wb.book.names.size, 2, "the kept sheet's names stay, so it shows no #NAME?");
  });

  it("deletes an edited sheet when the caller confirms it by id", async () => {
    const wb = officeWorkbook();
    await writePlan(wb.context, generatedPlan(6, 2));
    const calc = wb.sheet("Berekening")!;
    calc.cells.set("H20", "my note");
    const result = await undoLastGeneration(wb.context, { confirm: [calc.id] });
    assert.deepEqual(result?.removedSheets, ["Invoer", "Berekening"]);
    assert.deepEqual(wb.sheetNames(), ["Sheet1"]);
    assert.equal(wb.book.names.size, 0);
  });

  it("follows a generated sheet the user renamed (its id), and never takes a user's sheet under a generated name", async () => {
    const wb = officeWorkbook();
    await writePlan(wb.context, generatedPlan(6, 2));
    // The user renames the generated 'Invoer' (Excel rewrites the formulas that refer to it) and
    // makes a sheet of their own called 'Invoer'.
    wb.context.workbook.worksheets.getItem("Invoer").name = "Invoer oud";
    const mine = wb.context.workbook.worksheets.add("Invoer");
    mine.getRange("A1").values = [["mine"]];
    await wb.context.sync();
    assert.equal(wb.sheet("Berekening")!.cells.get("B3"), "='Invoer oud'!B2*ibn_rate");
    const preview = (await previewUndo(wb.context))!;
    assert.deepEqual(
      preview.unchanged.map((s) => s.name),
      ["Invoer oud", "Berekening"],
    );
    assert.deepEqual(preview.changed, []);
    await undoLastGeneration(wb.context);
    assert.deepEqual(wb.sheetNames(), ["Sheet1", "Invoer"]);
    assert.equal(wb.sheet("Invoer")!.cells.get("A1"), "mine", "the user's own 'Invoer' stays");
  });

  it("after reopening (new sheet ids): matches by name and fingerprint; a user's sheet under a generated name is kept", async () => {
    const wb = officeWorkbook();
    await writePlan(wb.context, generatedPlan(6, 2));
    // Reopened: every id is new. The user has meanwhile replaced 'Berekening' by a sheet of their own.
    wb.book.sheets.forEach((s, i) => (s.id = `{REOPENED-${i}}`));
    const calc = wb.sheet("Berekening")!;
    calc.cells.clear();
    calc.cells.set("A1", "my own sheet");
    const preview = (await previewUndo(wb.context))!;
    assert.deepEqual(
      preview.unchanged.map((s) => s.name),
      ["Invoer"],
    );
    assert.deepEqual(
      preview.changed.map((s) => [s.name, s.reason]),
      [["Berekening", "unrecognised"]],
    );
    await undoLastGeneration(wb.context);
    assert.deepEqual(wb.sheetNames(), ["Sheet1", "Berekening"]);
    assert.equal(wb.sheet("Berekening")!.cells.get("A1"), "my own sheet");
  });

  it("lists a generated sheet that is gone as missing, and ignores a setting that is not a record", async () => {
    const wb = officeWorkbook();
    await writePlan(wb.context, generatedPlan(6, 2));
    wb.book.sheets.splice(wb.book.sheets.indexOf(wb.sheet("Berekening")!), 1);
    const preview = (await previewUndo(wb.context))!;
    assert.deepEqual(preview.missing, ["Berekening"]);
    assert.deepEqual((await undoLastGeneration(wb.context))?.removedSheets, ["Invoer"]);
    const other = officeWorkbook({ settings: { [PROPOSAL_SETTING]: "{not json" } });
    assert.equal(await undoLastGeneration(other.context), null);
    assert.deepEqual(other.sheetNames(), ["Sheet1"]);
  });

  it("refuses to remove every visible sheet, with a typed error", async () => {
    const wb = officeWorkbook({ sheets: { Blad1: {} } });
    await writePlan(wb.context, generatedPlan(6, 2));
    wb.sheet("Blad1")!.visibility = "Hidden"; // the user hid their own sheet since
    await assert.rejects(
      undoLastGeneration(wb.context),
      (e: unknown) => e instanceof AddinError && e.code === "undo.wouldEmpty",
    );
    assert.deepEqual(wb.sheetNames(), ["Blad1", "Invoer", "Berekening"]);
  });

  it("each workflow has its own record: undoing the proposal leaves another workflow's record alone", async () => {
    const wb = officeWorkbook();
    await writePlan(wb.context, generatedPlan(6, 2));
    const tables = await writePlan(
      wb.context,
      { sheets: [{ name: "Tabel", blocks: [{ anchor: "A1", rows: [[{ value: 1 }]] }] }], names: [], charts: [] },
      { recordKind: "tables" },
    );
    await undoLastGeneration(wb.context);
    assert.deepEqual(wb.sheetNames(), ["Sheet1", "Tabel"]);
    assert.deepEqual((await undoLastGeneration(wb.context, { kind: "tables" }))?.removedSheets, tables.sheets);
  });
});

/**
 * For every k: a fresh workbook, the k-th operation of `act` fails (Office.js keeps the operations
 * before it), and the workbook must then be exactly as before `act` or exactly as after a clean run.
 */
async function everyFailure(
  init: WorkbookInit,
  setUp: (wb: OfficeWorkbook) => Promise<unknown>,
  act: (wb: OfficeWorkbook) => Promise<unknown>,
): Promise<{ operations: number; before: number; after: number }> {
  const outcome = { operations: 0, before: 0, after: 0 };
  outcome.operations = await atEveryOperation(
    () => officeWorkbook(init),
    setUp,
    act,
    ({ k, wb, error, now }, beforeSnap, afterSnap) => {
      assert.equal(wb.failurePending(), false, `operation ${k} was reached`);
      assert.deepEqual(tempSheets(wb), [], `operation ${k}: no ${TEMP_PREFIX}sheet is left`);
      if (isDeepEqual(now, beforeSnap)) {
        outcome.before++;
        assert.ok(error instanceof AddinError, `operation ${k}: failed and restored, so it says so (${String(error)})`);
      } else {
        assert.deepEqual(now, afterSnap, `operation ${k} failed: the workbook is neither as before nor as after`);
        outcome.after++;
      }
    },
  );
  if (process.env.SHOW_OUTCOME) console.log(outcome);
  return outcome;
}

function isDeepEqual(a: unknown, b: unknown): boolean {
  try {
    assert.deepEqual(a, b);
    return true;
  } catch {
    return false;
  }
}

describe("Office.js writer: all or nothing (the k-th operation fails, for every k)", function () {
  this.timeout(120_000);
  const userBook: WorkbookInit = {
    sheets: {
      Sheet1: { A1: 1, B1: "=Invoer!A1*2" },
      Invoer: { A1: "old", Z9: 9 },
      Other: { B2: 2 },
    },
    names: { IBN_RATE: "=Other!$A$1", mine: "=Invoer!$Z$9" },
    settings: { [PROPOSAL_SETTING]: "an older value" },
  };

  it("a generation (keep both): exactly as before, or exactly as after", async () => {
    const r = await everyFailure(
      userBook,
      async () => undefined,
      (wb) => writePlan(wb.context, generatedPlan(3, 2)),
    );
    assert.ok(r.operations > 40 && r.before > 0, JSON.stringify(r));
  });

  it("a replace: the user's sheet and names are back under their own names, or replaced", async () => {
    const r = await everyFailure(
      userBook,
      async () => undefined,
      (wb) => writePlan(wb.context, generatedPlan(3, 2), { onConflict: "replace" }),
    );
    // No delete runs after the commit (the replaced sheet waits hidden for undo): every failure is put back.
    assert.ok(r.before > 0, JSON.stringify(r));
  });

  it("the proposal plan (6 × 2, with print setup and a chart), replacing an earlier generation", async () => {
    const proposal = buildProposalPlan(bigInput(6, 2));
    const r = await everyFailure(
      {},
      (wb) => writePlan(wb.context, proposal),
      (wb) => writePlan(wb.context, proposal, { onConflict: "replace" }),
    );
    assert.ok(r.operations > 50, JSON.stringify(r));
  });

  it("a replace of several clashing sheets", async () => {
    await everyFailure(
      { sheets: { Berekening: { A1: "b" }, Invoer: { A1: "i" }, Keep: { A1: "=Berekening!A1" } } },
      async () => undefined,
      (wb) => writePlan(wb.context, generatedPlan(2, 1), { onConflict: "replace" }),
    );
  });

  it("an undo: exactly as before it, or exactly as after it", async () => {
    const r = await everyFailure(
      userBook,
      (wb) => writePlan(wb.context, generatedPlan(3, 2)),
      (wb) => undoLastGeneration(wb.context),
    );
    assert.ok(r.operations >= 5, JSON.stringify(r));
  });
});

describe("the fake workbook's failure injection", () => {
  it("fails the k-th operation of a given sync: the operations before it stay, the rest of that batch is dropped", async () => {
    const wb = officeWorkbook();
    const ws = wb.context.workbook.worksheets.getItem("Sheet1");
    ws.getRange("A1").values = [[1]];
    await wb.context.sync();
    wb.failAt(2, 2);
    ws.getRange("A2").values = [[2]];
    await wb.context.sync(); // sync 1 from now: untouched
    ws.getRange("A3").values = [[3]];
    ws.getRange("A4").values = [[4]];
    ws.getRange("A5").values = [[5]];
    assert.equal(wb.queued(), 3);
    await assert.rejects(wb.context.sync(), /injected failure/);
    assert.deepEqual([...wb.sheet("Sheet1")!.cells.keys()], ["A1", "A2", "A3"]);
    assert.equal(wb.queued(), 0);
  });
});

describe("undo records (src/excel/generationRecord.ts)", () => {
  it("one settings key per workflow; a record of another kind, an old or a malformed one is no record", () => {
    assert.equal(recordSetting("proposal"), PROPOSAL_SETTING);
    const record = newSheetsRecord(
      "proposal",
      [{ id: "{1}", name: "Invoer", fingerprint: "0a1b2c3d" }],
      [{ name: "ibn_rate", formula: "=Invoer!$B$2" }],
    );
    assert.deepEqual(parseSheetsRecord(JSON.stringify(record), "proposal"), record);
    assert.equal(parseSheetsRecord(JSON.stringify(record), "tables"), null);
    assert.equal(parseSheetsRecord('{"sheets":["Invoer"],"names":[],"at":""}', "proposal"), null, "version 1");
    assert.equal(parseSheetsRecord(JSON.stringify({ ...record, sheets: [{ id: 1 }] }), "proposal"), null);
    assert.equal(parseSheetsRecord("{not json", "proposal"), null);
  });

  it("a fingerprint does not depend on how Excel quotes sheet names, and follows a rename", () => {
    const sheets = ["Invoer", "Berekening"];
    const quoted = sheetFingerprint(
      "'Berekening'!A1:B2",
      [
        ["='Invoer'!A1", 1],
        ["x", "=SUM(A1)"],
      ],
      sheets,
    );
    const plain = sheetFingerprint(
      "Berekening!A1:B2",
      [
        ["=Invoer!A1", 1],
        ["x", "=SUM(A1)"],
      ],
      sheets,
    );
    assert.equal(quoted, plain);
    const staged = sheetFingerprint(
      "'~ibn x 2'!A1:B2",
      [
        ["='~ibn x 1'!A1", 1],
        ["x", "=SUM(A1)"],
      ],
      ["~ibn x 1", "~ibn x 2"],
      new Map([["~ibn x 1", "Invoer"]]),
    );
    assert.equal(staged, plain);
    assert.notEqual(
      sheetFingerprint(
        "Berekening!A1:B2",
        [
          ["=Invoer!A1", 2],
          ["x", "=SUM(A1)"],
        ],
        sheets,
      ),
      plain,
    );
  });
});
