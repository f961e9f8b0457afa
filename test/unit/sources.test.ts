// Every input traced (issue 16): each figure's source in the JSON (an optional map by field path),
// on the input sheet (a Bron column the user edits, and a note on the input cell), read back with
// the table, carried into the next period; the published example names the report for every figure.
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { shapeProblem } from "../../scripts/inputShape";
import { InputError } from "../../src/core/errors";
import { parseAddress } from "../../src/core/plan/a1";
import type { PlanCell, PlanSheet } from "../../src/core/plan/types";
import {
  buildInputSheetPlan,
  buildProposalPlan,
  compactSources,
  MAX_SOURCE_LENGTH,
  PUBLISHED_2023_2024,
  readProposalInputs,
  rollForward,
  sheetSources,
  sourceOf,
  validateProposalInput,
  type ProposalInput,
} from "../../src/core/proposal";
import { inputCellPositions } from "../../src/core/proposal/missing";
import { writePlan } from "../../src/excel/officeWriter";
import { readSheetValues } from "../../src/writers/xlsxReader";
import { writePlanToXlsx } from "../../src/writers/xlsxWriter";
import { officeWorkbook } from "../support/officeWorkbook";
import { sheetConstants } from "../support/planValues";

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x));
/** The input's figures as the input sheet holds them: without its sources and its published figures. */
const figuresOf = (p: ProposalInput | undefined) => {
  const rest = { ...(p ?? ({} as ProposalInput)) };
  delete rest.sources;
  delete rest.published;
  return rest;
};
const REPORT = "Evaluatie & voorstel voor 2023 en 2024";

/** The Bron column of an input sheet: where its header "Bron" (or "Source") is on the row above the base year. */
function sourceColumn(sheet: PlanSheet, header = "Bron"): number {
  const col = sheet.blocks[0].rows[2].findIndex((c) => c?.value === header);
  assert.ok(col > 0, `no ${header} header`);
  return col;
}

const cellAt = (sheet: PlanSheet, row: number, col: number): PlanCell | null =>
  sheet.blocks[0].rows[row]?.[col] ?? null;

function refusal(p: unknown): InputError {
  try {
    validateProposalInput(p as ProposalInput);
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  assert.fail("not refused");
}

describe("sources: the published example names the report for every input", () => {
  const p = PUBLISHED_2023_2024;
  const figures = [...inputCellPositions(p).keys()];

  it("every figure: the report, a table or paragraph, and a year", () => {
    assert.ok(figures.length > 100, `${figures.length} figures`);
    for (const f of figures) {
      const text = sourceOf(p.sources, f);
      assert.ok(text, `${f} has no source`);
      assert.ok(text.includes(REPORT), `${f}: ${text}`);
      assert.match(text, /tabel|§/, f);
      assert.match(text, /\b20\d\d\b/, f);
    }
  });

  it("the report's own table and row names: the cost lines, the lump-sum table, the allocation table, the quasi-in-house test", () => {
    assert.match(
      sourceOf(p.sources, "costLines[3].amount")!,
      /meerkosten in relatie tot de ontvangen lumpsumvergoeding 2022/,
    );
    assert.match(sourceOf(p.sources, "addedValue.uplift")!, /tabel Lumpsum PW, voetnoot \*/);
    assert.match(
      sourceOf(p.sources, "previous.lumpSums[1]")!,
      /Vergelijking lumpsumvergoeding met de periode 2021-2022/,
    );
    assert.match(sourceOf(p.sources, "municipalities[5].pBudgets[3]")!, /Lumpsumvergoeding per gemeente/);
    assert.match(
      sourceOf(p.sources, "municipalities[5].pBudgets[3]")!,
      /septembercirculaire 2021 resp\. meicirculaire 2022/,
    );
    assert.match(sourceOf(p.sources, "quasiInhouse.attributableStaff[0]")!, /Toets quasi-inbesteding/);
    // What the report does not publish is said to be derived.
    assert.match(sourceOf(p.sources, "addedValue.averageAddedValue")!, /^Niet gepubliceerd: teruggerekend/);
  });

  it("written in the form the sheet reads back (one text per row)", () => {
    assert.deepEqual(sheetSources(p), p.sources);
  });
});

describe("sources: the JSON input", () => {
  it("is optional: the published input without sources is as valid as before", () => {
    const p = clone(PUBLISHED_2023_2024);
    delete p.sources;
    assert.doesNotThrow(() => validateProposalInput(p));
    const sheet = buildProposalPlan(p).sheets[0];
    assert.ok(
      sheet.blocks[0].rows.flat().every((c) => !c?.note),
      "no notes without sources",
    );
  });

  it("the most specific path wins; an empty text there means none", () => {
    const s = { municipalities: "A", "municipalities[1]": "B", "municipalities[1].pBudgets[2]": "", years: " C " };
    assert.equal(sourceOf(s, "municipalities[0].pBudgets[3]"), "A");
    assert.equal(sourceOf(s, "municipalities[1].invoiced[0]"), "B");
    assert.equal(sourceOf(s, "municipalities[1].pBudgets[2]"), undefined);
    assert.equal(sourceOf(s, "years[1]"), "C");
    assert.equal(sourceOf(s, "baseYear"), undefined);
    assert.equal(sourceOf(undefined, "baseYear"), undefined);
  });

  it("kept short: a path above figures that share a text, the figure's own path otherwise", () => {
    const figures = [
      "years[0]",
      "years[1]",
      "occupancy.wsw[0]",
      "occupancy.wsw[1]",
      "occupancy.pw[0]",
      "occupancy.pw[1]",
    ];
    const text: Record<string, string> = {
      "years[0]": "Y",
      "years[1]": "Y",
      "occupancy.wsw[0]": "W",
      "occupancy.wsw[1]": "W",
    };
    text["occupancy.pw[1]"] = "P";
    assert.deepEqual(
      compactSources(figures, (f) => text[f]),
      { years: "Y", "occupancy.wsw": "W", "occupancy.pw[1]": "P" },
    );
  });

  it("refused, naming the source: not an object, not a text, too long, not a field path", () => {
    const withSources = (sources: unknown) => ({ ...clone(PUBLISHED_2023_2024), sources });
    const cases: [unknown, string, string][] = [
      [["x"], "input.sourcesNotObject", "sources"],
      [{ "costLines[0].amount": 12 }, "input.sourceNotText", 'sources["costLines[0].amount"]'],
      [{ years: "x".repeat(MAX_SOURCE_LENGTH + 1) }, "input.sourceTooLong", 'sources["years"]'],
      [{ "costLines[0]amount": "x" }, "input.sourcePath", 'sources["costLines[0]amount"]'],
      [{ "": "x" }, "input.sourcePath", 'sources[""]'],
    ];
    for (const [sources, code, argument] of cases) {
      const e = refusal(withSources(sources));
      assert.equal(e.code, code);
      assert.equal(e.argument, argument);
    }
    // A path this input has no figure at (the other occupancy mode, a shorter list) is kept, unused.
    assert.doesNotThrow(() =>
      validateProposalInput(
        withSources({ "occupancy.wswBase": "x", "municipalities[40].pBudgets": "y" }) as ProposalInput,
      ),
    );
  });

  it("the CLI's shape check: sources an object of texts, named by its path", () => {
    const problem = (sources: unknown) => shapeProblem({ ...clone(PUBLISHED_2023_2024), sources }, "in.json");
    assert.equal(problem({ years: "Jaarrekening 2022" }), undefined);
    assert.equal(problem("Jaarrekening")?.code, "json.fieldNotObject");
    const notText = problem({ "municipalities[0].pBudgets": 5 });
    assert.equal(notText?.code, "json.notText");
    assert.equal(notText?.params.path, 'sources["municipalities[0].pBudgets"]');
  });
});

describe("sources: the input sheet", () => {
  for (const [lang, header, plan] of [
    ["nl", "Bron", () => buildProposalPlan(PUBLISHED_2023_2024, "nl")],
    ["en", "Source", () => buildProposalPlan(PUBLISHED_2023_2024, "en")],
    ["nl (Lumpsum invoer)", "Bron", () => buildInputSheetPlan(PUBLISHED_2023_2024, "nl")],
  ] as const) {
    it(`${lang}: a ${header} column of plain, editable text, and a note on every input cell`, () => {
      const sheet = plan().sheets[0];
      const col = sourceColumn(sheet, header);
      const positions = inputCellPositions(PUBLISHED_2023_2024);
      assert.ok(Math.max(...[...positions.values()].map((p) => p.col)) < col - 1, "a blank column before it");
      for (const [field, at] of positions) {
        const text = sourceOf(PUBLISHED_2023_2024.sources, field)!;
        assert.equal(cellAt(sheet, at.row, at.col)?.note, text, field);
        const bron = cellAt(sheet, at.row, col);
        assert.ok(String(bron?.value).includes(text), `${field}: the row's ${header} names its source`);
        // Not an input cell (no yellow, no validation): text the user edits freely.
        assert.equal(bron?.style, undefined);
        assert.equal(bron?.format, "@");
      }
      assert.equal(sheet.protection, undefined, "the input sheet stays unprotected");
      assert.equal(sheet.columnWidths?.[col], 60);
      // The print leaves the Bron column out: the figures keep their size on paper.
      const printedCols = parseAddress(sheet.print!.area.split(":")[1]).col + 1;
      assert.ok(printedCols < col, `print area ${sheet.print!.area}`);
    });
  }

  it("a row whose figures have different sources lists each once; each cell's note keeps its own", () => {
    const p = clone(PUBLISHED_2023_2024);
    p.sources = {
      "occupancy.wsw": "Jaarverslag 2022, tabel 4, 2022",
      "occupancy.wsw[2]": "Begroting 2024, § 2.1, 2024",
    };
    const sheet = buildProposalPlan(p).sheets[0];
    const col = sourceColumn(sheet);
    const at = inputCellPositions(p);
    const row = at.get("occupancy.wsw[0]")!.row;
    assert.equal(cellAt(sheet, row, col)?.value, "Jaarverslag 2022, tabel 4, 2022 | Begroting 2024, § 2.1, 2024");
    assert.equal(cellAt(sheet, row, 1)?.note, "Jaarverslag 2022, tabel 4, 2022");
    assert.equal(cellAt(sheet, row, 3)?.note, "Begroting 2024, § 2.1, 2024");
    // A row without any source: an empty Bron cell, no notes.
    const pwRow = at.get("occupancy.pw[0]")!.row;
    assert.equal(cellAt(sheet, pwRow, col)?.value, null);
    assert.equal(cellAt(sheet, pwRow, 1)?.note, undefined);
  });
});

describe("sources: reading the input table back", () => {
  const grid = (p: ProposalInput, lang: "nl" | "en" = "nl") => sheetConstants(buildProposalPlan(p, lang).sheets[0]);

  for (const lang of ["nl", "en"] as const)
    it(`${lang}: write → read keeps every source`, () => {
      const r = readProposalInputs(grid(PUBLISHED_2023_2024, lang), { firstRow: 1 });
      assert.deepEqual(r.problems, []);
      assert.deepEqual(r.input?.sources, PUBLISHED_2023_2024.sources);
    });

  it("what the user types in the Bron column is the source of every figure on that row", () => {
    const g = grid(PUBLISHED_2023_2024);
    const col = g[2].indexOf("Bron");
    const costRow = g.findIndex((r) => r[0] === "Overhead");
    const pwRow = g.findIndex((r) => r[0] === "PW");
    g[costRow][col] = "Jaarrekening IBN 2022, toelichting overhead, p. 31";
    g[pwRow][col] = null;
    const r = readProposalInputs(g, { firstRow: 1 });
    assert.deepEqual(r.problems, []);
    assert.equal(
      sourceOf(r.input!.sources, "costLines[1].amount"),
      "Jaarrekening IBN 2022, toelichting overhead, p. 31",
    );
    assert.equal(
      sourceOf(r.input!.sources, "costLines[2].amount"),
      sourceOf(PUBLISHED_2023_2024.sources, "costLines[2].amount"),
    );
    assert.equal(sourceOf(r.input!.sources, "occupancy.pw[1]"), undefined);
    // The figures themselves are unchanged.
    assert.deepEqual(figuresOf(r.input), figuresOf(PUBLISHED_2023_2024));
  });

  it("a source that reads as a number stays a source, never a figure", () => {
    const p = clone(PUBLISHED_2023_2024);
    delete p.previous; // no invoiced columns: the Bron column comes closer to the P-budgets
    delete p.realised;
    delete p.published; // its allocation has the previous period's years too
    p.municipalities.forEach((m) => (m.pBudgets = m.pBudgets.slice(2)) && delete m.invoiced);
    p.sources = {};
    const g = grid(p);
    const col = g[2].indexOf("Bron");
    const row = g.findIndex((r) => r[0] === "Oss");
    g[row][col] = 2024;
    const r = readProposalInputs(g, { firstRow: 1 });
    assert.deepEqual(r.problems, []);
    assert.deepEqual(r.input!.municipalities[5], p.municipalities[5]);
    assert.deepEqual(r.input!.sources, { "municipalities[5]": "2024" });
  });

  it("a selection without the Bron column reads as before, without sources", () => {
    const g = grid(PUBLISHED_2023_2024).map((r) => r.slice(0, 9)); // A:I, the Bron column is J
    const r = readProposalInputs(g, { firstRow: 1 });
    assert.deepEqual(r.problems, []);
    assert.equal(r.input?.sources, undefined);
    assert.deepEqual(r.input, figuresOf(PUBLISHED_2023_2024));
  });
});

describe("sources: the next period", () => {
  const next = rollForward(PUBLISHED_2023_2024);
  const old = PUBLISHED_2023_2024.sources;

  it("carried figures keep their source: P-budgets of 2023–2024, the added-value parameters, the quasi-in-house year 2022", () => {
    // New P-budget index 0 (2023) was index 2 of 2021–2024.
    assert.equal(
      sourceOf(next.sources, "municipalities[2].pBudgets[0]"),
      sourceOf(old, "municipalities[2].pBudgets[2]"),
    );
    assert.equal(sourceOf(next.sources, "addedValue.uplift"), sourceOf(old, "addedValue.uplift"));
    assert.equal(sourceOf(next.sources, "addedValue.applies[0]"), sourceOf(old, "addedValue.applies[1]"));
    assert.equal(sourceOf(next.sources, "quasiInhouse.wsw[0]"), sourceOf(old, "quasiInhouse.wsw[2]"));
    assert.equal(sourceOf(next.sources, "quasiInhouse.threshold"), sourceOf(old, "quasiInhouse.threshold"));
    assert.equal(sourceOf(next.sources, "previous.wsw[1]"), sourceOf(old, "occupancy.wsw[2]"));
  });

  it("what the proposal calculated names it and its sheet; new figures have none", () => {
    assert.equal(sourceOf(next.sources, "previous.lumpSums[0]"), "Lumpsumvoorstel 2023–2024, blad Lumpsum (berekend)");
    assert.equal(
      sourceOf(next.sources, "municipalities[0].invoiced[1]"),
      "Lumpsumvoorstel 2023–2024, blad Verdeling (berekend)",
    );
    const en = rollForward(PUBLISHED_2023_2024, { language: "en" });
    assert.equal(
      sourceOf(en.sources, "previous.lumpSums[0]"),
      "Lump-sum proposal 2023–2024, sheet Lump sum (calculated)",
    );
    for (const f of [
      "costLines[0].amount",
      "specificPwCostsBase",
      "occupancy.wsw[0]",
      "municipalities[0].pBudgets[2]",
      "municipalities[0].pBudgets[3]",
      "quasiInhouse.wsw[1]",
      "realised.costLines[0].amounts[0]",
      "realised.realisedEffects[1]",
      "years[0]",
    ])
      assert.equal(sourceOf(next.sources, f), undefined, f);
  });

  it("the draft's input sheet: notes only on carried and calculated cells", () => {
    const sheet = buildInputSheetPlan(next).sheets[0];
    const at = inputCellPositions(next);
    const noteAt = (f: string) => cellAt(sheet, at.get(f)!.row, at.get(f)!.col)?.note;
    assert.equal(noteAt("municipalities[0].pBudgets[0]"), sourceOf(old, "municipalities[0].pBudgets[2]"));
    assert.equal(noteAt("municipalities[0].pBudgets[2]"), undefined);
    assert.equal(noteAt("costLines[0].amount"), undefined);
  });
});

describe("sources: the Office.js writer", () => {
  it("a note on every input cell with a source (ExcelApi 1.18)", async () => {
    const wb = officeWorkbook();
    await writePlan(wb.context, buildProposalPlan(PUBLISHED_2023_2024));
    const notes = wb.sheet("Invoer")!.notes;
    assert.equal(notes.get("B8"), sourceOf(PUBLISHED_2023_2024.sources, "costLines[0].amount"));
    assert.equal(notes.get("E36"), sourceOf(PUBLISHED_2023_2024.sources, "municipalities[0].pBudgets[3]"));
    assert.equal(notes.size, inputCellPositions(PUBLISHED_2023_2024).size);
  });

  it("an Excel without notes: the same write without them, the Bron column still there", async () => {
    const wb = officeWorkbook({ lacks: ["notes"] });
    await writePlan(wb.context, buildProposalPlan(PUBLISHED_2023_2024));
    const inputs = wb.sheet("Invoer")!;
    assert.equal(inputs.notes.size, 0);
    assert.equal(inputs.cells.get("J3"), "Bron");
    assert.match(String(inputs.cells.get("J8")), /tabel meerkosten per kostenregel, 2022/);
  });
});

describe("sources: the .xlsx file (ExcelJS writer)", () => {
  it("a note on every input cell with a source, the Bron column as text, and the file read back keeps every source", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ibn-sources-"));
    const file = path.join(dir, "voorstel.xlsx");
    await writePlanToXlsx(buildProposalPlan(PUBLISHED_2023_2024), file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet("Invoer")!;
    const positions = inputCellPositions(PUBLISHED_2023_2024);
    for (const [field, at] of positions) {
      const note = ws.getCell(at.row + 1, at.col + 1).note;
      const text = typeof note === "string" ? note : note?.texts?.map((t) => t.text).join("");
      assert.equal(text, sourceOf(PUBLISHED_2023_2024.sources, field), field);
    }
    // The file as a user's table: its values read by the project's reader, then as an input table.
    const values = (await readSheetValues(file)).get("Invoer")!;
    const r = readProposalInputs(values, { firstRow: 1 });
    assert.deepEqual(r.problems, []);
    assert.deepEqual(r.input?.sources, PUBLISHED_2023_2024.sources);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
