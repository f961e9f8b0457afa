// Evaluation per period and scope (issue 15): period templates (blank by default), municipality and
// region workbooks, relations that stay within their scope, municipalities adding up to the region
// (planted inconsistencies within and between scopes), norms and targets as achievements, the
// action tracker, quarter on quarter, machine-readable and bounded findings and protected templates
// (the region sums recalculated in LibreOffice: test/recalc/evaluationRegion.test.ts).
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import {
  buildEvaluationPlan,
  buildEvaluationTemplate,
  checkTables,
  checkTablesBounded,
  checkWorkbookTables,
  cohortColumns,
  compareTables,
  EVALUATION_TABLES,
  fails,
  findingJson,
  parseFailOn,
  parsePeriod,
  periodTitle,
  recognizeTables,
  stockColumns,
  TABLE_BY_ID,
  tableLayout,
  type Cell,
  type Finding,
  type PlacedTable,
  type TableData,
} from "../../src/core/evaluation";
import type { PlanCell, WorkbookPlan } from "../../src/core/plan/types";
import { parseAddress } from "../../src/core/plan/a1";
import { writePlanToXlsx } from "../../src/writers/xlsxWriter";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ibn-scope-"));
const kinds = (fs: Finding[]) => fs.map((f) => `${f.sheet}!${f.cell}:${f.kind}`);

/** The plan's sheets as value grids (constants only; formulas as null and marked), like a file before calculation. */
function sheetsOf(plan: WorkbookPlan) {
  return plan.sheets.map((s) => {
    const values: Cell[][] = [];
    const formulas: boolean[][] = [];
    for (const b of s.blocks) {
      const { row, col } = parseAddress(b.anchor);
      b.rows.forEach((cells, r) =>
        cells.forEach((c: PlanCell | null, k) => {
          (values[row + r] ??= [])[col + k] = c && c.formula === undefined ? ((c.value as Cell) ?? null) : null;
          (formulas[row + r] ??= [])[col + k] = c?.formula !== undefined;
        }),
      );
    }
    return { name: s.name, values, formulas };
  });
}

describe("evaluation: the period", () => {
  it("a year or a quarter year to date; three cohorts up to it, stock dates at its end, the title", () => {
    assert.deepEqual(parsePeriod("2024"), { year: 2024 });
    assert.deepEqual(parsePeriod("2024Q3"), { year: 2024, quarter: 3 });
    assert.deepEqual(parsePeriod("Q3 2024"), { year: 2024, quarter: 3 });
    assert.throws(() => parsePeriod("2024Q5"), /period/);
    assert.deepEqual(cohortColumns({ year: 2024, quarter: 3 }), ["2024", "2023", "2022"]);
    assert.deepEqual(stockColumns({ year: 2024, quarter: 3 }), [
      "30-09-2024",
      "31-12-2023",
      "31-12-2022",
      "31-12-2021",
    ]);
    assert.equal(periodTitle({ year: 2024, quarter: 3 }, "nl"), "t/m 3e kwartaal 2024");
    assert.equal(periodTitle({ year: 2024, quarter: 3 }, "en"), "to Q3 2024");
  });

  it("blank by default: headers follow the period, no count is filled in, only the agreed norms", () => {
    const plan = buildEvaluationTemplate({ period: parsePeriod("2024Q3") });
    const sheet = sheetsOf(plan)[0];
    const g = sheet.values;
    assert.equal(g[0][0], "Evaluatietabellen t/m 3e kwartaal 2024");
    const tables = recognizeTables("Evaluatietabellen", g, sheet.formulas);
    const cohort = tables.find((t) => t.table === "cohort")!;
    assert.deepEqual(cohort.columns, ["2024", "2023", "2022"]);
    assert.deepEqual(tables.find((t) => t.table === "shelteredLadder")!.columns[0], "30-09-2024");
    assert.ok(Object.values(cohort.values).every((row) => row.every((v) => v === null)));
    const started = tables.find((t) => t.table === "startedByPlacement")!;
    assert.equal(started.columns[0], "2024 t/m 3e kwartaal");
    assert.deepEqual(started.values.normOffer, [180, 180, 140]);
    assert.deepEqual(checkTables(tables), []);
  });

  it("the published 2023 figures only on request, and only for 2023", () => {
    assert.throws(() => buildEvaluationTemplate({ period: { year: 2024 }, content: "published" }), /period|periode/i);
    const published = buildEvaluationTemplate({ period: { year: 2023 }, content: "published" });
    assert.equal(published.placed.length, EVALUATION_TABLES.length);
  });
});

/** A started-employment table of one column, for a scope. */
const started = (sheet: string, started: number, offer: number, demand: number, scope?: string): PlacedTable => ({
  table: "startedByPlacement",
  sheet,
  anchor: "A1",
  columns: ["2023"],
  values: { started: [started], offerDriven: [offer], demandDriven: [demand] },
  ...(scope ? { scope } : {}),
});
const ladder = (sheet: string, subtotal: number, scope?: string): PlacedTable => ({
  table: "startedByLadderStep",
  sheet,
  anchor: "A20",
  columns: ["2023"],
  values: {
    insideIbn: [subtotal],
    onLocation: [0],
    independentOnLocation: [0],
    regularWithSafetyNet: [0],
    regular: [0],
    subtotal: [subtotal],
  },
  ...(scope ? { scope } : {}),
});

describe("evaluation: relations stay within their scope", () => {
  it("Boekel is compared with Boekel, never with Oss's 40", () => {
    const tables = [started("Oss", 40, 40, 0), ladder("Oss", 40), started("Boekel", 12, 12, 0), ladder("Boekel", 12)];
    assert.deepEqual(
      checkTables(tables).filter((f) => f.kind === "subtotal"),
      [],
    );
  });

  it("a planted inconsistency within a scope is found on that sheet", () => {
    const tables = [started("Oss", 40, 40, 0), ladder("Oss", 40), started("Boekel", 12, 12, 0), ladder("Boekel", 13)];
    const subtotal = checkTables(tables).filter((f) => f.kind === "subtotal");
    assert.deepEqual(
      subtotal.map((f) => [f.sheet, f.expectedValue, f.foundValue]),
      [["Boekel", 12, 13]],
    );
  });

  it("one sheet with a scope heading per municipality (as the appendices: 'Cijfers Boekel')", () => {
    const g: Cell[][] = [];
    const put = (r: number, c: number, v: Cell) => ((g[r] ??= [])[c] = v);
    const place = (top: number, scope: string, n: number, sub: number) => {
      put(top, 0, `Cijfers ${scope}`);
      const spec = TABLE_BY_ID.get("startedByPlacement")!;
      put(top + 1, 0, spec.title.nl);
      put(top + 2, 1, "2023");
      put(top + 3, 0, "Gestarte dienstverbanden");
      put(top + 3, 1, n);
      put(top + 5, 0, TABLE_BY_ID.get("startedByLadderStep")!.title.nl);
      put(top + 6, 1, "2023");
      put(top + 7, 0, "(sub)Totaal");
      put(top + 7, 1, sub);
    };
    place(0, "Oss", 40, 40);
    place(10, "Boekel", 12, 12);
    const tables = recognizeTables("Bijlagen", g);
    assert.deepEqual(
      tables.map((t) => t.scope),
      ["Oss", "Oss", "Boekel", "Boekel"],
    );
    assert.deepEqual(
      checkTables(tables).filter((f) => f.kind === "subtotal"),
      [],
    );
  });
});

describe("evaluation: norms and targets are achievements", () => {
  it("40 started against a norm of 30 is fine; below the norm is a warning with the shortfall", () => {
    const t: PlacedTable = {
      table: "startedByPlacement",
      sheet: "S",
      anchor: "A1",
      columns: ["2023"],
      values: {
        started: [40],
        offerDriven: [40],
        demandDriven: [0],
        norm: [30],
        normOffer: [20],
        normDemand: [10],
        realised: [40 / 30],
      },
    };
    const findings = checkTables([t]);
    assert.ok(!findings.some((f) => f.kind === "rate-above-100"));
    const below = findings.filter((f) => f.kind === "below-norm");
    assert.deepEqual(
      below.map((f) => [f.row, f.severity, f.expectedValue, f.foundValue]),
      [["demandDriven", "warning", 10, 0]],
    );
    assert.match(below[0].found, /tekort 10/);
  });

  it("the agreed norms per year: 140 + 60 up to 2022, 180 + 20 from 2023; each placement type against its own", () => {
    const t: PlacedTable = {
      table: "startedByPlacement",
      sheet: "S",
      anchor: "A1",
      columns: ["2023", "2022"],
      values: {
        started: [200, 200],
        offerDriven: [185, 150],
        demandDriven: [15, 50],
        norm: [200, 200],
        normOffer: [180, 180],
        normDemand: [20, 20],
      },
    };
    const f = checkTables([t]);
    assert.deepEqual(
      f.filter((x) => x.kind === "norm-differs").map((x) => [x.row, x.column, x.expectedValue]),
      [
        ["normOffer", "2022", 140],
        ["normDemand", "2022", 60],
      ],
    );
    assert.deepEqual(
      f.filter((x) => x.kind === "below-norm").map((x) => [x.row, x.column]),
      [
        ["offerDriven", "2022"],
        ["demandDriven", "2023"],
      ],
    );
  });

  it("a quarter to date is compared with its share of the annual norm", () => {
    const t: PlacedTable = {
      table: "startedByPlacement",
      sheet: "S",
      anchor: "A1",
      columns: ["2024 t/m 3e kwartaal"],
      values: {
        started: [150],
        offerDriven: [136],
        demandDriven: [14],
        norm: [200],
        normOffer: [180],
        normDemand: [20],
      },
    };
    const f = checkTables([t]).filter((x) => x.kind === "below-norm");
    assert.deepEqual(
      f.map((x) => [x.row, x.expectedValue, x.foundValue]),
      [["demandDriven", 15, 14]],
    );
  });

  it("a national-target rate above 100 % is beating the target, not an error", () => {
    const t: PlacedTable = {
      table: "shelteredFte",
      sheet: "S",
      anchor: "A1",
      columns: ["31-12-2024"],
      values: { atIbn: [300], otherEmployers: [100], total: [400], nationalTarget: [380], targetRate: [400 / 380] },
    };
    assert.deepEqual(checkTables([t]), []);
  });
});

describe("evaluation: the action tracker", () => {
  const tracker = EVALUATION_TABLES.find((t) => t.table === "actions")!;
  it("warns when a target is missed (75 % vs 65 %; 20 vs 0) and a deadline passed without a realised figure", () => {
    const plan = buildEvaluationPlan([tracker], { mode: "published" });
    const f = checkTables(plan.placed);
    assert.deepEqual(
      f.map((x) => [x.row, x.kind, x.severity, x.expectedValue, x.foundValue]),
      [
        ["action5", "target-missed", "warning", 0.75, 0.65],
        ["action6", "target-missed", "warning", 20, 0],
        ["action7", "deadline-passed", "warning", null, null],
      ],
    );
  });

  it("status is a drop-down list, realised figures validated, the rest locked", () => {
    const plan = buildEvaluationTemplate({ period: { year: 2024 } });
    const p = plan.sheets[0].protection!;
    assert.equal(p.protect, true);
    const lists = p.validations.filter((v) => v.type === "list");
    assert.equal(lists.length, 8);
    assert.ok(lists[0].list!.includes("Achter op schema"));
    assert.ok(p.validations.some((v) => v.type === "wholeNumber" && v.min === 0));
  });
});

describe("evaluation: region workbook, municipalities adding up to the region", () => {
  const plan = buildEvaluationTemplate({ period: parsePeriod("2024Q3"), scope: { kind: "region" } });
  it("a sheet per municipality, the region sheet and the mapping; region counts are formulas over the municipality sheets", () => {
    assert.deepEqual(
      plan.sheets.map((s) => s.name),
      ["Regio", "Bernheze", "Boekel", "Land van Cuijk", "Maashorst", "Meierijstad", "Oss", "Regio-indeling"],
    );
    const region = plan.placed.find((t) => t.sheet === "Regio" && t.table === "cohort")!;
    const at = tableLayout(TABLE_BY_ID.get("cohort")!, region);
    const { row, col } = parseAddress(at.value("education", 0));
    const cell = plan.sheets[0].blocks[0].rows[row][col]!;
    assert.equal(
      cell.formula,
      `='Bernheze'!B7+'Boekel'!B7+'Land van Cuijk'!B7+'Maashorst'!B7+'Meierijstad'!B7+'Oss'!B7`,
    );
  });

  /** Typed tables of a region workbook: each municipality's cohort, and the region's. */
  const cohortTable = (sheet: string, registrations: number[], scope?: string): PlacedTable => ({
    table: "cohort",
    sheet,
    anchor: "A3",
    columns: ["2024", "2023", "2022"],
    values: { registrations },
    ...(scope ? { scope } : {}),
  });

  it("a typed region figure that is not the sum of its municipalities: region-sum naming the sheets and the cell", () => {
    const munis = ["Bernheze", "Boekel", "Land van Cuijk", "Maashorst", "Meierijstad", "Oss"];
    const tables = [...munis.map((m, i) => cohortTable(m, [i + 1, 10, 20])), cohortTable("Regio", [21, 60, 121])];
    const f = checkTables(tables).filter((x) => x.kind === "region-sum");
    assert.deepEqual(
      f.map((x) => [x.sheet, x.cell, x.column, x.expectedValue, x.foundValue]),
      [["Regio", "F5", "2022", 120, 121]],
    );
    assert.match(f[0].expected, /Bernheze \+ Boekel \+ Land van Cuijk \+ Maashorst \+ Meierijstad \+ Oss/);
  });

  it("registrations per implementation region follow the (edited) mapping", () => {
    const munis = ["Bernheze", "Boekel", "Land van Cuijk", "Maashorst", "Meierijstad", "Oss"];
    const byRegion: PlacedTable = {
      table: "registrationsByRegion",
      sheet: "Regio",
      anchor: "A40",
      columns: ["2024"],
      values: { landVanCuijk: [3], meierijstadBoekelBernheze: [1 + 2 + 5], oss: [6], maashorst: [4], total: [21] },
    };
    const tables = [...munis.map((m, i) => cohortTable(m, [i + 1])), byRegion];
    assert.deepEqual(
      checkTables(tables).filter((x) => x.kind === "region-sum"),
      [],
    );
    // Boekel moved to Oss in the mapping: the typed region figures no longer add up.
    const regions = {
      Bernheze: "Meierijstad/Boekel/Bernheze",
      Boekel: "Oss",
      "Land van Cuijk": "Land van Cuijk",
      Maashorst: "Maashorst",
      Meierijstad: "Meierijstad/Boekel/Bernheze",
      Oss: "Oss",
    };
    const moved = checkTables(tables, { regions }).filter((x) => x.kind === "region-sum");
    assert.deepEqual(
      moved.map((x) => [x.row, x.expectedValue, x.foundValue]),
      [
        ["meierijstadBoekelBernheze", 6, 8],
        ["oss", 8, 6],
      ],
    );
  });

  it("the mapping sheet is read from the workbook", () => {
    const result = checkWorkbookTables(sheetsOf(plan));
    assert.equal(result.regions!.Boekel, "Meierijstad/Boekel/Bernheze");
    assert.deepEqual(result.findings, []);
  });
});

describe("evaluation: quarter on quarter", () => {
  it("lists what changed; a closed cohort whose registrations go down is a warning with both values", () => {
    const before: PlacedTable = {
      table: "cohort",
      sheet: "Q1",
      anchor: "A1",
      columns: ["2023", "2022"],
      values: { registrations: [60, 257], helped: [10, 150] },
    };
    const after: PlacedTable = {
      table: "cohort",
      sheet: "Q4",
      anchor: "A1",
      columns: ["2023", "2022"],
      values: { registrations: [288, 236], helped: [102, 169] },
    };
    const c = compareTables([before], [after], "en");
    assert.equal(c.changes.length, 4);
    assert.deepEqual(
      c.findings.map((f) => [f.kind, f.severity, f.column, f.expectedValue, f.foundValue]),
      [["correction", "warning", "2022", 257, 236]],
    );
    assert.match(c.findings[0].expected, /257/);
  });
});

describe("evaluation: machine-readable and bounded findings", () => {
  it("--json: a stable kind id, severity, sheet, cell, expected and found numbers; --fail-on", () => {
    const f = checkTables([started("Boekel", 12, 12, 1)], { language: "en" });
    const j = findingJson(f[0]);
    assert.deepEqual(
      [j.kind, j.severity, j.sheet, j.cell, j.expected, j.found],
      ["sum", "error", "Boekel", "B3", 13, 12],
    );
    assert.equal(parseFailOn(undefined), "warning");
    assert.throws(
      () => parseFailOn("info"),
      (e: { code?: string }) => e.code === "evaluation.failOn",
    );
    const warningsOnly: Finding[] = [{ ...f[0], severity: "warning" }];
    assert.equal(fails(warningsOnly, "error"), false);
    assert.equal(fails(warningsOnly, "warning"), true);
  });

  it("9,000 copies of one title in a 27,000-cell sheet: recognised fast, findings bounded", () => {
    const title = TABLE_BY_ID.get("cohort")!.title.nl;
    const grid: Cell[][] = Array.from({ length: 9000 }, () => [title, "2023", 5]);
    const t0 = Date.now();
    const tables = recognizeTables("S", grid);
    const result = checkTablesBounded(tables, { maxPerTable: 5, maxTotal: 100 });
    assert.ok(Date.now() - t0 < 3000, `took ${Date.now() - t0} ms`);
    assert.ok(result.findings.length <= 100);
    // A sheet of rows "title | header" then garbage: each table bounded.
    const wide: Cell[][] = [[title, ...Array.from({ length: 26999 }, () => title)]];
    const t1 = Date.now();
    assert.ok(recognizeTables("W", wide).every((t) => t.columns.length <= 60));
    assert.ok(Date.now() - t1 < 3000);
  });

  it("a planted error in every table of many: at most maxTotal findings, the rest counted", () => {
    const tables: PlacedTable[] = Array.from({ length: 300 }, (_, i) => started(`S${i}`, 5, 1, 1));
    const r = checkTablesBounded(tables, { maxTotal: 50 });
    assert.equal(r.findings.length, 50);
    assert.equal(r.omitted, 250);
  });
});

describe("evaluation: the published annual report, appendices included", () => {
  it("finds the printed-percentage errors of the appendices 2022 (five) besides those of 2023", () => {
    const plan = buildEvaluationPlan(EVALUATION_TABLES, { mode: "published" });
    const f = checkTables(plan.placed).filter((x) => x.kind === "percentage" && x.column === "2022");
    assert.deepEqual(f.map((x) => `${x.table}.${x.row}:${x.expectedValue}/${x.foundValue}`).sort(), [
      "startedByLadderStep.insideIbn:63/60",
      "startedByLadderStep.onLocation:20/22",
      "startedByTargetGroup.newSheltered:15/16",
      "trajectories.notSuitable:22/21",
      "trajectories.regularEmployer:17/16",
    ]);
  });

  it("PW stock and flow, pre-trajectories, expertise, regions and the young share add up as published", () => {
    const plan = buildEvaluationPlan(EVALUATION_TABLES, { mode: "published" });
    const ids = ["pwStock", "preTrajectories", "shelteredBridging", "expertise", "registrationsByRegion", "youngShare"];
    assert.deepEqual(
      checkTables(plan.placed).filter((x) => ids.includes(x.table)),
      [],
    );
    // A planted stock error is found.
    const pw = plan.placed.find((t) => t.table === "pwStock")!;
    const broken = { ...pw, values: { ...pw.values, left: [117] } };
    assert.deepEqual(kinds(checkTables([broken])), [
      `Evaluatietabellen!${tableLayout(TABLE_BY_ID.get("pwStock")!, pw).value("end", 0)}:stock`,
    ]);
  });
});

describe("evaluation: protected templates in the .xlsx", () => {
  it("input cells unlocked and validated, formulas locked, the sheet protected without a password", async () => {
    const plan = buildEvaluationTemplate({ period: { year: 2024 }, scope: { kind: "municipality", name: "Boekel" } });
    const file = path.join(tmp, "boekel.xlsx");
    await writePlanToXlsx(plan, file);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet("Boekel")!;
    const cohort = plan.placed.find((t) => t.table === "cohort")!;
    const at = tableLayout(TABLE_BY_ID.get("cohort")!, cohort);
    const input = ws.getCell(at.value("education", 0));
    const total = ws.getCell(at.value("registrations", 0));
    assert.equal(input.protection?.locked, false);
    assert.equal(input.dataValidation?.type, "whole");
    assert.notEqual(total.protection?.locked, false);
    assert.ok(total.formula);
    assert.ok((ws as unknown as { sheetProtection?: { sheet?: boolean } }).sheetProtection?.sheet);
  });
});

void ({} as TableData);
