// The evaluation sheet's native charts (plan charts, written by the Office.js writer): started
// employment against the 200/180/20 norms, sheltered work against the indications issued, and new
// sheltered employment against the national target.
import assert from "node:assert/strict";
import { buildEvaluationPlan, EVALUATION_TABLES, REPORT_2023 } from "../../src/core/evaluation";
import { parseAddress, splitRef } from "../../src/core/plan/a1";
import { validatePlan } from "../../src/core/plan/validate";
import { writePlan } from "../../src/excel/officeWriter";
import { officeWorkbook } from "../support/officeWorkbook";

describe("evaluation charts", () => {
  const plan = buildEvaluationPlan(REPORT_2023);
  /** The cells of a sheet-qualified range of the plan: constants, or formulas. */
  const values = (ref: string) => {
    const { address } = splitRef(ref);
    const [a, b = a] = address.replace(/\$/g, "").split(":").map(parseAddress);
    const rows = plan.sheets[0].blocks[0].rows;
    const out: unknown[] = [];
    for (let r = a.row; r <= b.row; r++)
      for (let c = a.col; c <= b.col; c++) out.push(rows[r]?.[c]?.formula ?? rows[r]?.[c]?.value ?? null);
    return out;
  };

  it("three clustered-column charts with the published figures; the plan stays valid", () => {
    assert.deepEqual(validatePlan(plan), []);
    assert.deepEqual(
      plan.charts.map((c) => [c.title, c.type, c.series.map((s) => s.name)]),
      [
        [
          "Gestarte dienstverbanden tegenover de norm",
          "columnClustered",
          ["Gestart 2023", "Norm 2023", "Gestart 2022", "Norm 2022"],
        ],
        [
          "Beschut werk tegenover afgegeven indicaties",
          "columnClustered",
          ["Beschut werk (personen)", "Afgegeven indicaties"],
        ],
        [
          "Nieuw beschut tegenover de landelijke taakstelling",
          "columnClustered",
          ["Nieuw beschut (fte)", "Landelijke taakstelling"],
        ],
      ],
    );
    const [started, ladder, fte] = plan.charts;
    assert.deepEqual(values(started.categories), ["Gestarte dienstverbanden", "Aanbodgestuurd", "Vraaggestuurd"]);
    // Started = offer- + demand-driven, the norm 200 = 180 + 20: totals are formulas over their parts.
    assert.deepEqual(values(started.series[0].values), ["=SUM(B66,B67)", 165, 0]);
    assert.deepEqual(values(started.series[1].values), ["=SUM(B69,B70)", 180, 20]);
    assert.deepEqual(values(ladder.categories), ["31-12-2023", "31-12-2022", "31-12-2021", "31-12-2020"]);
    assert.deepEqual(values(ladder.series[1].values), [312, 283, "NB", 190]);
    assert.deepEqual(values(fte.series[1].values), [380, 352, 318, 275]);
  });

  it("beside the tables, outside the print area, one chart not over another", () => {
    const lastPrinted = /^A1:([A-Z]+)\d+$/.exec(plan.sheets[0].print!.area)![1];
    const boxes = plan.charts.map((c) => [parseAddress(c.from), parseAddress(c.to)] as const);
    for (const [from] of boxes) assert.ok(from.col > parseAddress(`${lastPrinted}1`).col);
    for (let i = 1; i < boxes.length; i++) assert.ok(boxes[i][0].row > boxes[i - 1][1].row, "charts overlap");
  });

  it("the Office.js writer adds them to the evaluation sheet; a published copy (for the checker) and a plan for the selection have none", async () => {
    const wb = officeWorkbook();
    const written = await writePlan(wb.context, buildEvaluationPlan(EVALUATION_TABLES));
    const charts = wb.sheet(written.sheets[0])!.charts;
    assert.equal(charts.length, 3);
    assert.deepEqual(
      charts.map((c) => [c.type, c.title, c.series.length]),
      [
        ["ColumnClustered", "Gestarte dienstverbanden tegenover de norm", 4],
        ["ColumnClustered", "Beschut werk tegenover afgegeven indicaties", 2],
        ["ColumnClustered", "Nieuw beschut tegenover de landelijke taakstelling", 2],
      ],
    );
    assert.ok(charts.every((c) => c.series.every((s) => s.values && s.categories)));
    assert.equal(buildEvaluationPlan(REPORT_2023, { mode: "published" }).charts.length, 0);
    assert.equal(buildEvaluationPlan(EVALUATION_TABLES, { charts: false }).charts.length, 0);
    const en = buildEvaluationPlan(EVALUATION_TABLES, { language: "en" });
    assert.equal(en.charts[0].title, "Started employment against the norm");
  });
});
