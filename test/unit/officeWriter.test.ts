// The Office.js writer against a small workbook on office-addin-mock (test/support/officeWorkbook.ts):
// commands take effect at context.sync, which is counted, as are range requests and range writes.
import assert from "node:assert/strict";
import { columnLetter } from "../../src/core/plan/a1";
import type { PlanCell, PlanSheet, WorkbookPlan } from "../../src/core/plan/types";
import { buildProposalPlan } from "../../src/core/proposal";
import {
  assertRangeEmpty,
  blockAreas,
  cellInput,
  chunkAddresses,
  columnWidthRuns,
  GENERATION_SETTING,
  undoLastGeneration,
  writeAtSelection,
  writeOntoSheet,
  writePlan,
} from "../../src/excel/officeWriter";
import { officeWorkbook } from "../support/officeWorkbook";
import { bigInput } from "../support/proposalInputs";

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
async function generate(plan: WorkbookPlan) {
  const wb = officeWorkbook();
  await writePlan(wb.context, plan);
  const { syncs, rangeRequests, rangeWrites, formatted } = wb.counts;
  return {
    syncs,
    rangeRequests,
    rangeWrites: rangeWrites.length,
    formatCalls: formatted.length,
    cells: cellCount(plan),
  };
}

describe("Office.js writer: round trips (office-addin-mock, syncs counted)", () => {
  it("6 × 2 and 342 × 10: the same two syncs and the same range requests and writes, whatever the cell count", async () => {
    const [small, large] = [await generate(generatedPlan(6, 2)), await generate(generatedPlan(342, 10))];
    assert.ok(large.cells > 100 * small.cells, `${large.cells} cells against ${small.cells}`);
    assert.equal(small.syncs, 2);
    assert.deepEqual(large, { ...small, cells: large.cells });
    assert.equal(
      small.rangeWrites,
      2 * blockCount(generatedPlan(6, 2)),
      "one formulas and one numberFormat write per block",
    );
  });

  it("the proposal plan, 6 × 2 and 342 × 10: two syncs, two writes per sheet, range requests growing only with the chart's series", async () => {
    const [small, large] = [
      await generate(buildProposalPlan(bigInput(6, 2))),
      await generate(buildProposalPlan(bigInput(342, 10))),
    ];
    assert.deepEqual([small.syncs, large.syncs], [2, 2]);
    assert.deepEqual([small.rangeWrites, large.rangeWrites], [12, 12]);
    assert.ok(
      large.rangeRequests - small.rangeRequests <= 10 - 2,
      `range requests ${small.rangeRequests} → ${large.rangeRequests}`,
    );
  });
});

describe("Office.js writer: what a generation writes", () => {
  it("cells, number formats, styles per area, layout, defined names, a chart, the first sheet active, and the record", async () => {
    const wb = officeWorkbook();
    const progress: number[] = [];
    const record = await writePlan(wb.context, generatedPlan(6, 2), {
      onProgress: (fraction) => progress.push(fraction),
    });
    assert.ok(
      progress.every((f, i) => i === 0 || f > progress[i - 1]) && progress.at(-1) === 1,
      `progress ${progress}`,
    );
    const [inputs, calc] = [wb.sheet("Invoer")!, wb.sheet("Berekening")!];
    assert.deepEqual(wb.sheetNames(), ["Sheet1", "Invoer", "Berekening"]);
    assert.equal(inputs.cells.get("B2"), 1000);
    assert.equal(inputs.cells.get("A7"), "Gemeente 6");
    assert.equal(inputs.formats.get("C7"), EURO);
    assert.equal(calc.cells.get("C8"), "='Invoer'!C7*ibn_rate");
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
    assert.deepEqual(record.sheets, ["Invoer", "Berekening"]);
    assert.deepEqual(JSON.parse(String(wb.book.settings.get(GENERATION_SETTING))), record);
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
    assert.equal(cellInput({ value: "NB" }), "NB", "no apostrophe where none is needed");
    assert.equal(cellInput({ value: "2023" }), "'2023");
  });
});

describe("Office.js writer: validation first", () => {
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
});

describe("Office.js writer: existing sheets and names", () => {
  it("keeps both by default: the existing sheet and name stay untouched; the plan goes to 'Name (2)' with every reference rewritten", async () => {
    const wb = officeWorkbook({
      sheets: { Invoer: { A1: "my own work", B2: 7 } },
      names: { ibn_rate: "='Invoer'!$B$2" },
    });
    const record = await writePlan(wb.context, generatedPlan(6, 2));
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
    assert.deepEqual(record, {
      ...record,
      sheets: ["Invoer (2)", "Berekening (2)"],
      names: ["ibn2_rate", "ibn2_budgets"],
    });
    assert.equal(calc.charts.length, 1);
  });

  it("replace, only when chosen: deletes just the clashing sheet and name", async () => {
    const wb = officeWorkbook({
      sheets: { Sheet1: { A1: 1 }, Invoer: { A1: "old", Z9: "old" }, Other: { B2: 2 } },
      names: { IBN_RATE: "=Other!$A$1", mine: "=Other!$B$2" },
    });
    const record = await writePlan(wb.context, generatedPlan(6, 2), { onConflict: "replace" });
    assert.deepEqual(wb.sheetNames(), ["Sheet1", "Other", "Invoer", "Berekening"]);
    assert.equal(wb.sheet("Invoer")!.cells.get("A1"), "Gemeente");
    assert.equal(wb.sheet("Invoer")!.cells.has("Z9"), false, "a new sheet, not the old one written over");
    assert.deepEqual([...wb.sheet("Other")!.cells], [["B2", 2]]);
    assert.deepEqual([...wb.sheet("Sheet1")!.cells], [["A1", 1]]);
    assert.deepEqual([...wb.book.names.keys()].sort(), ["ibn_budgets", "ibn_rate", "mine"]);
    assert.deepEqual(record.sheets, ["Invoer", "Berekening"]);
  });

  it("replace works when the clashing sheet is the workbook's only sheet", async () => {
    const wb = officeWorkbook({ sheets: { Invoer: { A1: "old" } } });
    await writePlan(wb.context, generatedPlan(6, 2), { onConflict: "replace" });
    assert.deepEqual(wb.sheetNames(), ["Invoer", "Berekening"]);
  });
});

/** A one-sheet plan with a gap (null) inside its block, for writing onto an existing sheet. */
const tablePlan = (): WorkbookPlan => ({
  sheets: [
    {
      name: "Tabel",
      blocks: [
        {
          anchor: "A1",
          rows: [
            [{ value: "Titel", style: "title" }, null],
            [
              { value: "a", style: "label" },
              { value: 1, style: "input" },
            ],
            [{ value: "b" }, { formula: "=B2*2" }],
          ],
        },
      ],
    },
  ],
  names: [],
  charts: [],
});

describe("Office.js writer: onto an existing sheet", () => {
  it("assertRangeEmpty names the first occupied cell, in one sync", async () => {
    const wb = officeWorkbook({ sheets: { Blad1: { D5: 1, C6: 2, A1: "outside" } } });
    await assert.rejects(assertRangeEmpty(wb.context, "Blad1", "C5:E9"), /'Blad1'!D5 is not empty/);
    await assertRangeEmpty(wb.context, "Blad1", "F1:G3");
    assert.equal(wb.counts.syncs, 2);
  });

  it("refuses to write over a non-empty cell, and writes nothing", async () => {
    const wb = officeWorkbook({ sheets: { Blad1: { D4: 42 } } });
    await assert.rejects(writeOntoSheet(wb.context, tablePlan(), "Blad1", "C3"), /'Blad1'!D4 is not empty/);
    assert.equal(wb.counts.rangeWrites.length, 0);
    assert.deepEqual([...wb.sheet("Blad1")!.cells], [["D4", 42]]);
    assert.equal(wb.book.settings.size, 0);
  });

  it("replaces only when chosen, leaves null cells alone, and undo clears exactly the cells written", async () => {
    const wb = officeWorkbook({ sheets: { Blad1: { D3: "in the gap", D4: 42, A1: "keep" } } });
    const record = await writeOntoSheet(wb.context, tablePlan(), "Blad1", "C3", { onConflict: "replace" });
    const cells = wb.sheet("Blad1")!.cells;
    assert.deepEqual(
      [cells.get("C3"), cells.get("D3"), cells.get("D4"), cells.get("D5")],
      ["Titel", "in the gap", 1, "=B2*2"],
    );
    assert.equal(wb.counts.syncs, 1);
    await undoLastGeneration(wb.context);
    assert.deepEqual(
      [...cells],
      [
        ["D3", "in the gap"],
        ["A1", "keep"],
      ],
    );
    assert.deepEqual(record.sheets, []);
  });

  it("at the selection: three syncs (selection, emptiness, write)", async () => {
    const wb = officeWorkbook({ sheets: { Blad1: { A1: "keep me" } }, selection: "Blad1!C3" });
    const record = await writeAtSelection(wb.context, tablePlan());
    assert.equal(wb.counts.syncs, 3);
    assert.equal(wb.sheet("Blad1")!.cells.get("C3"), "Titel");
    assert.match(record.ranges![0], /^'Blad1'!C3/);
  });
});

describe("Office.js writer: undo", () => {
  it("removes exactly the sheets and names the last generation added, and nothing else, in two syncs", async () => {
    const wb = officeWorkbook({
      sheets: { Sheet1: { A1: 1 }, Invoer: { C3: "x" } },
      names: { mine: "=Sheet1!$A$1", ibn_rate: "=Sheet1!$A$1" },
    });
    const before = { sheets: wb.sheetNames(), names: [...wb.book.names] };
    const record = await writePlan(wb.context, generatedPlan(6, 2));
    wb.counts.syncs = 0;
    const removed = await undoLastGeneration(wb.context);
    assert.deepEqual(removed, { removedSheets: record.sheets, removedNames: record.names });
    assert.deepEqual(wb.sheetNames(), before.sheets);
    assert.deepEqual([...wb.book.names], before.names);
    assert.deepEqual([...wb.sheet("Invoer")!.cells], [["C3", "x"]]);
    assert.equal(wb.counts.syncs, 2);
    assert.equal(wb.book.settings.has(GENERATION_SETTING), false);
    assert.equal(await undoLastGeneration(wb.context), null, "nothing left to undo");
  });

  it("removes only what still exists of it", async () => {
    const wb = officeWorkbook();
    await writePlan(wb.context, generatedPlan(6, 2));
    wb.book.sheets.splice(wb.book.sheets.indexOf(wb.sheet("Berekening")!), 1);
    wb.book.names.delete("ibn_rate");
    assert.deepEqual(await undoLastGeneration(wb.context), {
      removedSheets: ["Invoer"],
      removedNames: ["ibn_budgets"],
    });
    assert.deepEqual(wb.sheetNames(), ["Sheet1"]);
  });

  it("ignores a setting that is not a generation record", async () => {
    const wb = officeWorkbook({ settings: { [GENERATION_SETTING]: "{not json" } });
    assert.equal(await undoLastGeneration(wb.context), null);
    assert.deepEqual(wb.sheetNames(), ["Sheet1"]);
  });
});

describe("Office.js writer: areas and chunks", () => {
  it("styles cover rectangles whose number follows the layout, not the row count", () => {
    const block = (rows: number) => ({
      anchor: "B2",
      rows: Array.from({ length: rows }, () => [
        { value: "x", style: "label" as const },
        { value: 1, style: "input" as const },
        { value: 2, style: "input" as const },
        null,
      ]),
    });
    const style = (c: PlanCell) => c.style;
    assert.deepEqual(
      [...blockAreas(block(3), style)],
      [
        ["label", ["B2:B4"]],
        ["input", ["C2:D4"]],
      ],
    );
    assert.deepEqual(
      [...blockAreas(block(1000), style)],
      [
        ["label", ["B2:B1001"]],
        ["input", ["C2:D1001"]],
      ],
    );
  });

  it("splits long address lists into chunks Excel accepts as one RangeAreas", () => {
    const chunks = chunkAddresses(
      Array.from({ length: 1000 }, (_, i) => `A${i + 1}:C${i + 1}`),
      200,
    );
    assert.ok(chunks.every((c) => c.length <= 200));
    assert.equal(chunks.join(",").split(",").length, 1000);
  });

  it("groups adjacent columns of the same width", () => {
    assert.deepEqual(
      columnWidthRuns([24, 12, 12, 12, 3, 12]).map((r) => r.columns),
      ["A:A", "B:D", "E:E", "F:F"],
    );
  });
});
