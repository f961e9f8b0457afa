// Plan geometry (src/core/plan/geometry.ts): pure, no Office.
import assert from "node:assert/strict";
import {
  blockAreas,
  cellInput,
  chunkAddresses,
  columnWidthRuns,
  formatInput,
  rowRuns,
  shiftSheet,
  withSheetNames,
} from "../../src/core/plan/geometry";
import type { PlanCell, WorkbookPlan } from "../../src/core/plan/types";

describe("plan geometry: cells as Excel input", () => {
  it("keeps text that Excel would read as something else as text, and only that", () => {
    for (const text of ["2023", "1-2", "=not a formula", "12%", "TRUE", "€ 5", "jan 2024", "#N/A"])
      assert.equal(cellInput({ value: text }), `'${text}`, text);
    for (const text of ["NB", "Gemeente 1", "Totaal"]) assert.equal(cellInput({ value: text }), text);
    assert.equal(cellInput({ formula: "=A1*2", value: 3 }), "=A1*2");
    assert.equal(cellInput({ value: 7 }), 7);
    assert.equal(cellInput(null), null, "null leaves the cell untouched");
    assert.equal(formatInput({ value: 1 }), "General");
    assert.equal(formatInput({ value: 1, format: "0%" }), "0%");
    assert.equal(formatInput(null), null);
  });
});

describe("plan geometry: areas and chunks", () => {
  it("runs within a row end at a cell without a key", () => {
    const cells: (PlanCell | null)[] = [{ style: "input" }, { style: "input" }, null, { style: "input" }, {}];
    assert.deepEqual(
      rowRuns(cells, (c) => c.style),
      [
        { key: "input", start: 0, end: 2 },
        { key: "input", start: 3, end: 4 },
      ],
    );
  });

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
    assert.deepEqual(chunkAddresses([]), []);
  });

  it("groups adjacent columns of the same width, in points", () => {
    const runs = columnWidthRuns([24, 12, 12, 12, 3, 12]);
    assert.deepEqual(
      runs.map((r) => r.columns),
      ["A:A", "B:D", "E:E", "F:F"],
    );
    assert.equal(runs[1].points, (12 * 7 + 5) * 0.75);
  });
});

describe("plan geometry: moving and renaming", () => {
  it("moves a sheet's blocks so that A1 lands on the anchor", () => {
    const moved = shiftSheet(
      { name: "T", blocks: [{ anchor: "B2", rows: [[{ value: 1 }]] }], columnWidths: [3] },
      "C3",
      "Blad1",
    );
    assert.deepEqual(moved, { name: "Blad1", blocks: [{ anchor: "D4", rows: [[{ value: 1 }]] }] });
  });

  it("gives sheets other names: formulas, names' references and charts follow; string literals and names do not", () => {
    const plan: WorkbookPlan = {
      sheets: [
        { name: "Invoer", blocks: [{ anchor: "A1", rows: [[{ value: 1 }]] }] },
        {
          name: "Berekening",
          blocks: [{ anchor: "A1", rows: [[{ formula: `=Invoer!A1*ibn_rate&"Invoer!A1"` }, { value: "Invoer!A1" }]] }],
        },
      ],
      names: [{ name: "ibn_rate", ref: "'Berekening'!$B$1" }],
      charts: [
        {
          sheet: "Berekening",
          title: "t",
          type: "line",
          categories: "'Invoer'!$A$1:$A$2",
          series: [{ name: "s", values: "Berekening!$A$1:$A$2" }],
          from: "A5",
          to: "D9",
        },
      ],
    };
    const renamed = withSheetNames(plan, ["~ibn x 1", "~ibn x 2"]);
    assert.deepEqual(
      renamed.sheets.map((s) => s.name),
      ["~ibn x 1", "~ibn x 2"],
    );
    assert.deepEqual(renamed.sheets[1].blocks[0].rows[0], [
      { formula: `='~ibn x 1'!A1*ibn_rate&"Invoer!A1"` },
      { value: "Invoer!A1" },
    ]);
    assert.deepEqual(renamed.names, [{ name: "ibn_rate", ref: "'~ibn x 2'!$B$1" }]);
    assert.equal(renamed.charts[0].sheet, "~ibn x 2");
    assert.equal(renamed.charts[0].categories, "'~ibn x 1'!$A$1:$A$2");
    assert.equal(renamed.charts[0].series[0].values, "'~ibn x 2'!$A$1:$A$2");
    assert.equal(plan.sheets[0].name, "Invoer", "the plan itself is not changed");
  });
});
