// The .xlsx charts on paper: LibreOffice prints the proposal (its allocation chart is inside the
// print area) and each chart of the evaluation workbook (they stand beside the tables, outside
// their print columns, so each is printed on its own here), and each chart shows: its title in the PDF's text and
// its coloured bars on the page (pdftoppm, a pixel count against the same page without charts). npm test only; the parts themselves:
// test/unit/xlsxCharts.test.ts.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { buildEvaluationPlan, EVALUATION_TABLES } from "../../src/core/evaluation";
import type { WorkbookPlan } from "../../src/core/plan/types";
import { buildProposalPlan, PUBLISHED_2023_2024 } from "../../src/core/proposal";
import { writePlanToXlsx } from "../../src/writers/xlsxWriter";
import { printToPdf, requireLibreOffice } from "../support/libreoffice";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ibn-charts-"));

/** The text of each page of a PDF. */
const pagesOf = (pdf: string) =>
  execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).split("\f").slice(0, -1);

/**
 * Pixels of strong colour on a page (a bar, not text, grid lines or the pale fills of the tables):
 * the page rendered at 40 dpi as a binary PPM, a pixel counted where its channels differ by 100+.
 */
function colouredPixels(pdf: string, page: number): number {
  const ppm = execFileSync("pdftoppm", ["-r", "40", "-f", String(page), "-l", String(page), pdf]);
  const header = /^P6\s+(\d+)\s+(\d+)\s+255\s/.exec(ppm.subarray(0, 40).toString("latin1"))!;
  const start = header[0].length;
  const [w, h] = [Number(header[1]), Number(header[2])];
  let n = 0;
  for (let i = start; i < start + w * h * 3; i += 3) {
    const [r, g, b] = [ppm[i], ppm[i + 1], ppm[i + 2]];
    if (Math.max(r, g, b) - Math.min(r, g, b) >= 100) n++;
  }
  return n;
}

/** Whether most words of a chart's title are on the page (a long title wraps inside its chart). */
const titled = (page: string, title: string) => {
  const words = title.split(" ");
  return words.filter((w) => page.includes(w)).length >= Math.ceil((words.length * 3) / 4);
};

/**
 * The chart's title on a page, and that page with its bars drawn: more coloured pixels than the same
 * page of the same workbook written without charts (red negative amounts in a table count too).
 */
async function assertChartsShow(plan: WorkbookPlan, name: string): Promise<void> {
  const print = async (p: WorkbookPlan, file: string) => {
    await writePlanToXlsx(p, path.join(tmp, file));
    return printToPdf(path.join(tmp, file));
  };
  const pdf = await print(plan, `${name}.xlsx`);
  const bare = await print({ ...plan, charts: [] }, `${name}-no-charts.xlsx`);
  const pages = pagesOf(pdf);
  assert.equal(pagesOf(bare).length, pages.length, "the charts change no page break");
  for (const chart of plan.charts) {
    // The title on one line, else (wrapped inside its chart) most of its words on one page.
    const exact = pages.findIndex((p) => p.replace(/\s+/g, " ").includes(chart.title));
    const i = exact >= 0 ? exact : pages.findIndex((p) => titled(p, chart.title));
    assert.ok(i >= 0, `${name}: the chart "${chart.title}" is not printed`);
    const [coloured, without] = [colouredPixels(pdf, i + 1), colouredPixels(bare, i + 1)];
    assert.ok(
      coloured - without >= 100,
      `${name}: "${chart.title}" on page ${i + 1}: ${coloured} coloured pixels, ${without} without charts`,
    );
  }
}

/** The plan with only this chart, its sheet printing just the chart's cells (one page). */
function chartOnly(plan: WorkbookPlan, k: number): WorkbookPlan {
  const chart = plan.charts[k];
  return {
    ...plan,
    charts: [chart],
    sheets: plan.sheets.map((sheet) =>
      sheet.name === chart.sheet && sheet.print
        ? {
            ...sheet,
            print: { ...sheet.print, area: `${chart.from}:${chart.to}`, titleRows: undefined, rowBreaks: [] },
          }
        : sheet,
    ),
  };
}

describe("charts in the .xlsx, printed by LibreOffice", function () {
  this.timeout(300_000);
  before(function () {
    requireLibreOffice(this);
    for (const tool of ["pdftotext", "pdftoppm"])
      try {
        execFileSync("which", [tool], { stdio: "ignore" });
      } catch {
        if (process.env.CI) throw new Error(`${tool} is required in CI: .ci/run installs poppler-utils`);
        this.skip();
      }
  });

  it("the proposal's charts (the allocation on Verdeling, the changes on Mutaties, the lump sum per year on the Samenvatting, the scenarios on Scenario's) print with their bars drawn", async () => {
    const plan = buildProposalPlan(PUBLISHED_2023_2024);
    assert.deepEqual(plan.charts.map((c) => c.sheet).sort(), ["Mutaties", "Samenvatting", "Scenario's", "Verdeling"]);
    await assertChartsShow(plan, "proposal");
  });

  it("the evaluation workbook's three charts, each drawn (each printed on its own: they stand beside the printed tables)", async () => {
    const plan = buildEvaluationPlan(EVALUATION_TABLES);
    assert.equal(plan.charts.length, 3);
    for (let k = 0; k < plan.charts.length; k++) await assertChartsShow(chartOnly(plan, k), `evaluation-${k + 1}`);
  });
});
