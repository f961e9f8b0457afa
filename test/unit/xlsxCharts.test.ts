// The plan's charts in the .xlsx (src/writers/xlsxCharts.ts): a chart part per chart with its title,
// named series, ranges and the computed values cached, a drawing per sheet anchoring it where the
// plan says, the relationships and content types; every part well-formed, and ExcelJS and the
// project's reader still read the file. Rendered by LibreOffice: test/recalc/charts.test.ts.
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { parseStringPromise } from "xml2js";
import { buildEvaluationPlan, EVALUATION_TABLES } from "../../src/core/evaluation";
import type { WorkbookPlan } from "../../src/core/plan/types";
import { buildProposalPlan, PUBLISHED_2023_2024 } from "../../src/core/proposal";
import { readWorkbook } from "../../src/writers/xlsxReader";
import { planToXlsxBuffer, writePlanToXlsx } from "../../src/writers/xlsxWriter";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ibn-xlsx-charts-"));
const text = (zip: JSZip, name: string) => zip.file(name)!.async("string");

async function zipOf(plan: WorkbookPlan): Promise<JSZip> {
  return JSZip.loadAsync(await planToXlsxBuffer(plan));
}

describe("charts in the .xlsx (written by the project, ExcelJS has no charts)", () => {
  it("the proposal: one clustered column chart on Verdeling, its series the proposal years, values cached", async () => {
    const plan = buildProposalPlan(PUBLISHED_2023_2024);
    const zip = await zipOf(plan);
    const chart = await text(zip, "xl/charts/chart1.xml");
    assert.match(chart, /<c:barChart><c:barDir val="col"\/><c:grouping val="clustered"\/>/);
    assert.ok(chart.includes(`<a:t>${plan.charts[0].title}</a:t>`));
    assert.deepEqual(
      [...chart.matchAll(/<c:tx><c:v>([^<]*)<\/c:v><\/c:tx>/g)].map((m) => m[1]),
      ["2023", "2024"],
    );
    assert.deepEqual(
      [...chart.matchAll(/<c:f>([^<]*)<\/c:f>/g)].map((m) => m[1].replace(/&apos;|'/g, "'")),
      ["'Verdeling'!$A$5:$A$10", "'Verdeling'!$L$5:$L$10", "'Verdeling'!$A$5:$A$10", "'Verdeling'!$M$5:$M$10"],
    );
    // The published allocation 2023 and the municipalities, cached: a preview shows the bars.
    const caches = [...chart.matchAll(/<c:(?:num|str)Cache>(.*?)<\/c:(?:num|str)Cache>/g)].map((m) =>
      [...m[1].matchAll(/<c:v>([^<]*)<\/c:v>/g)].map((v) => v[1]),
    );
    assert.deepEqual(caches[0], ["Bernheze", "Boekel", "Land van Cuijk", "Maashorst", "Meierijstad", "Oss"]);
    assert.deepEqual(caches[1].map(Number), [192293, 70984, 682268, 453280, 270246, 1234599]);
    assert.match(chart, /<c:valAx>.*<c:numFmt formatCode="&quot;€&quot; #,##0;\[Red\]-&quot;€&quot; #,##0"/);
  });

  it("the drawing anchors the chart from its top-left cell to the bottom-right of its last; relationships and content types", async () => {
    const plan = buildProposalPlan(PUBLISHED_2023_2024);
    const zip = await zipOf(plan);
    const drawing = await text(zip, "xl/drawings/drawing1.xml");
    const [from, to] = [plan.charts[0].from, plan.charts[0].to];
    const cell = (a: string) => ({ col: a.charCodeAt(0) - 65, row: Number(a.slice(1)) - 1 });
    const anchor = (tag: string) => {
      const m = new RegExp(
        `<xdr:${tag}><xdr:col>(\\d+)</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>(\\d+)</xdr:row>`,
      ).exec(drawing)!;
      return { col: Number(m[1]), row: Number(m[2]) };
    };
    assert.deepEqual(anchor("from"), cell(from));
    assert.deepEqual(anchor("to"), { col: cell(to).col + 1, row: cell(to).row + 1 });
    assert.match(await text(zip, "xl/drawings/_rels/drawing1.xml.rels"), /Target="\.\.\/charts\/chart1\.xml"/);
    // Verdeling is the fifth sheet.
    const sheet = await text(zip, "xl/worksheets/sheet5.xml");
    const rid = /<drawing r:id="(rId\d+)"\/><\/worksheet>$/.exec(sheet)![1];
    assert.match(
      await text(zip, "xl/worksheets/_rels/sheet5.xml.rels"),
      new RegExp(`Id="${rid}" Type="[^"]+/drawing" Target="../drawings/drawing1.xml"`),
    );
    const types = await text(zip, "[Content_Types].xml");
    assert.ok(types.includes('PartName="/xl/charts/chart1.xml"'));
    assert.ok(types.includes('PartName="/xl/drawings/drawing1.xml"'));
  });

  it("the evaluation workbook: three charts on one sheet, one drawing; every part well-formed", async () => {
    const plan = buildEvaluationPlan(EVALUATION_TABLES);
    const zip = await zipOf(plan);
    const charts = Object.keys(zip.files).filter((n) => /^xl\/charts\/chart\d+\.xml$/.test(n));
    assert.equal(charts.length, 3);
    const drawing = await text(zip, "xl/drawings/drawing1.xml");
    assert.equal(drawing.match(/<xdr:twoCellAnchor/g)?.length, 3);
    for (const name of Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n)))
      await parseStringPromise(await text(zip, name)).catch((e: Error) => assert.fail(`${name}: ${e.message}`));
  });

  it("ExcelJS and the project's reader read the file with charts; a plan without charts gets no chart parts", async () => {
    const plan = buildProposalPlan(PUBLISHED_2023_2024);
    const file = path.join(tmp, "voorstel.xlsx");
    await writePlanToXlsx(plan, file);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(file);
    assert.equal(back.getWorksheet("Verdeling")!.getCell("J5").result, 149374);
    const read = await readWorkbook(file);
    assert.equal(read.uncalculated, 0);
    assert.equal(read.sheets.get("Verdeling")!.values[4][9], 149374);
    const bare = await zipOf({ ...plan, charts: [] });
    assert.deepEqual(
      // The notes' VML drawing (issue 16: each input's source) is no chart part.
      Object.keys(bare.files).filter((n) => /chart|drawing/.test(n) && !/vmlDrawing|^xl\/drawings\/$/.test(n)),
      [],
    );
  });
});
