// The change explained as a waterfall where Excel can draw one (issue 14): ExcelApi 1.9 gives one
// waterfall per change of year, side by side in the chart's place; without it, the column chart the
// .xlsx has too. On the project's fake workbook, with Office's requirement check stood in.
import assert from "node:assert/strict";
import { buildProposalPlan } from "../../src/core/proposal";
import { writePlan } from "../../src/excel/officeWriter";
import { waterfallAreas } from "../../src/excel/waterfall";
import { filledNextPeriod } from "../support/nextPeriod";
import { officeWorkbook } from "../support/officeWorkbook";

type Global = { Office?: unknown };

function withExcelApi(highest: string) {
  (globalThis as Global).Office = {
    context: {
      requirements: {
        isSetSupported: (set: string, version: string) => set === "ExcelApi" && Number(version) <= Number(highest),
      },
    },
  };
}

describe("Mutaties' chart: a waterfall per change where ExcelApi 1.9 allows, columns otherwise", () => {
  afterEach(() => delete (globalThis as Global).Office);

  it("ExcelApi 1.9: one waterfall per change of year (three for 2023 → 2026), each on its effects", async () => {
    withExcelApi("1.9");
    const plan = buildProposalPlan(filledNextPeriod());
    const chart = plan.charts.find((c) => c.waterfall)!;
    assert.equal(chart.series.length, 3);
    const wb = officeWorkbook({ sheets: { Blad1: { A1: 1 } } });
    await writePlan(wb.context, plan);
    const charts = wb.sheet(chart.sheet)!.charts;
    assert.deepEqual(
      charts.map((c) => c.type),
      ["Waterfall", "Waterfall", "Waterfall"],
    );
    charts.forEach((c, i) => {
      assert.equal(c.source.replace(/^.*!/, ""), chart.series[i].values.replace(/^.*!/, ""));
      assert.match(c.title!, new RegExp(`: ${chart.series[i].name}$`));
    });
    // Side by side, within the place the plan gives the chart, not overlapping.
    const areas = waterfallAreas(chart);
    assert.deepEqual(
      charts.map((c) => [c.from, c.to]),
      areas,
    );
    // The allocation chart is not a waterfall: as typed.
    const other = plan.charts.find((c) => !c.waterfall)!;
    assert.equal(wb.sheet(other.sheet)!.charts[0].type, "ColumnClustered");
  });

  it("ExcelApi 1.8, or outside Office: the clustered column chart, as in the .xlsx", async () => {
    for (const setUp of [() => withExcelApi("1.8"), () => delete (globalThis as Global).Office]) {
      setUp();
      const plan = buildProposalPlan(filledNextPeriod());
      const chart = plan.charts.find((c) => c.waterfall)!;
      const wb = officeWorkbook({ sheets: { Blad1: { A1: 1 } } });
      await writePlan(wb.context, plan);
      assert.deepEqual(
        wb.sheet(chart.sheet)!.charts.map((c) => c.type),
        ["ColumnClustered"],
      );
    }
  });
});
