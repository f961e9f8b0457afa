// One A4 page for the council (issue 16, part 3), written by the ExcelJS writer and opened in
// LibreOffice: the Samenvatting's figures for the published 2023–2024 proposal recalculated
// (test/fixtures/lumpsum-2023-2024.json), the Samenvatting printed alone on exactly one page, and the
// Per gemeente sheet printed alone on exactly one page per municipality (6 published, 20 generated).
// The plan and both writers: test/unit/summarySheet.test.ts.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import {
  buildProposalPlan,
  excelDate,
  inputVersion,
  LABELS,
  PUBLISHED_2023_2024,
  summarizeProposal,
  type ProposalInput,
  type ProposalPlan,
} from "../../src/core/proposal";
import type { WorkbookPlan } from "../../src/core/plan/types";
import { writePlanToXlsx } from "../../src/writers/xlsxWriter";
import { printToPdf, readSheetValues, recalculate, requireLibreOffice } from "../support/libreoffice";
import { bigInput } from "../support/proposalInputs";
import { grid, type Values } from "../support/sheetValues";

const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, "../fixtures/lumpsum-2023-2024.json"), "utf8"));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ibn-summary-"));
const DATE = "2026-12-03";
const t = LABELS.nl;
const build = (p: ProposalInput) => buildProposalPlan(p, "nl", undefined, { date: DATE });

/**
 * One sheet of the plan alone, as LibreOffice recalculated it: its formulas replaced by their values
 * (so it needs no other sheet), its layout, print setup and chart kept. LibreOffice exports hidden
 * sheets to PDF too, so hiding the others would not print it alone.
 */
function alone(plan: ProposalPlan, values: Values, name: string): WorkbookPlan {
  const sheet = plan.sheets.find((s) => s.name === name)!;
  const computed = values.get(name)!;
  const blocks = sheet.blocks.map((b) => {
    assert.equal(b.anchor, "A1");
    return {
      ...b,
      rows: b.rows.map((row, r) =>
        row.map((c, k) =>
          c?.formula === undefined ? c : { value: computed[r]?.[k] ?? null, format: c.format, style: c.style },
        ),
      ),
    };
  });
  const charts = plan.charts.filter((c) => c.sheet === name);
  return {
    sheets: [{ ...sheet, blocks }],
    names: [],
    charts,
    ...(plan.properties ? { properties: plan.properties } : {}),
  };
}

/** The sheet printed alone to PDF (see alone). */
async function printAlone(plan: ProposalPlan, values: Values, name: string, file: string): Promise<string> {
  const xlsx = path.join(tmp, `${file}.xlsx`);
  await writePlanToXlsx(alone(plan, values, name), xlsx);
  return printToPdf(xlsx);
}

/** The workbook written and recalculated in LibreOffice: its values by sheet. */
async function recalculated(plan: ProposalPlan, file: string): Promise<Values> {
  const xlsx = path.join(tmp, `${file}.xlsx`);
  await writePlanToXlsx(plan, xlsx);
  return readSheetValues(await recalculate(xlsx));
}

/** pdfinfo's page count (poppler-utils), and the text of each page (pdftotext, layout kept). */
const pageCount = (pdf: string) =>
  Number(/Pages:\s+(\d+)/.exec(execFileSync("pdfinfo", [pdf], { encoding: "utf8" }))![1]);
const pageTexts = (pdf: string) =>
  execFileSync("pdftotext", ["-layout", pdf, "-"], { encoding: "utf8" }).split("\f").slice(0, -1);

describe("LibreOffice: the Samenvatting and Per gemeente (issue 16)", function () {
  this.timeout(600_000);
  const plan = build(PUBLISHED_2023_2024);
  let v: Values = new Map();
  before(async function () {
    requireLibreOffice(this);
    for (const tool of ["pdfinfo", "pdftotext"])
      try {
        execFileSync("which", [tool], { stdio: "ignore" });
      } catch {
        if (process.env.CI) throw new Error(`${tool} is required in CI: .ci/run installs poppler-utils`);
        this.skip();
      }
    v = await recalculated(plan, "voorstel");
  });

  it("the published 2023–2024 figures, recalculated: lump sums, per PW fte, % of P-budget, contributions, the period compared, the verdict, date and version", async () => {
    const years = [2021, 2022, 2023, 2024];
    assert.deepEqual(
      grid(v, plan.keys.summaryLumpSum)[0],
      years.map((y) => fixture.lumpsum_by_year[y]),
    );
    assert.deepEqual(grid(v, plan.keys.summaryLumpSum)[0].slice(2), [2903670, 3237219]);
    assert.deepEqual(grid(v, plan.keys.summaryLumpSumChange)[0], [null, 237325, 420020, 333549]);
    assert.deepEqual(
      grid(v, plan.keys.summaryPerFte)[0].map((x) => Math.round(x as number)),
      years.map((y) => fixture.lumpsum_per_pw_fte_published[y]),
    );
    assert.deepEqual(
      grid(v, plan.keys.summaryPctOfBudget)[0].map((x) => Math.round((x as number) * 1000) / 10),
      years.map((y) => fixture.p_budget.published_lumpsum_pct_of_p_budget[y]),
    );
    // Contributions: the exact core's largest remainder, within one euro of the published table.
    const core = summarizeProposal(PUBLISHED_2023_2024);
    const contribution = grid(v, plan.keys.summaryContribution) as number[][];
    assert.deepEqual(contribution, core.allocation);
    [2023, 2024].forEach((y, k) =>
      (fixture.p_budget.published_allocation[y] as number[]).forEach((a, i) =>
        assert.ok(Math.abs(contribution[i][k] - a) <= 1, `${y} ${i}`),
      ),
    );
    const pct = grid(v, plan.keys.summaryPctOfBudgetByMunicipality) as number[][];
    pct.forEach((row, i) =>
      row.forEach((x, k) =>
        assert.ok(Math.abs(x - contribution[i][k] / PUBLISHED_2023_2024.municipalities[i].pBudgets[2 + k]) < 1e-9),
      ),
    );
    // The previous period as invoiced (the report's 2021 and 2022 allocation): average per year.
    const cmp = grid(v, plan.keys.summaryComparison) as number[][];
    fixture.p_budget.municipalities.forEach((name: string, i: number) => {
      const before =
        (fixture.p_budget.published_allocation[2021][i] + fixture.p_budget.published_allocation[2022][i]) / 2;
      const now = (contribution[i][0] + contribution[i][1]) / 2;
      assert.deepEqual(cmp[i].slice(0, 3), [before, now, now - before], name);
      assert.ok(Math.abs(cmp[i][3] - (now / before - 1)) < 1e-9, name);
    });
    const total = grid(v, plan.keys.summaryTotal)[0] as number[];
    assert.deepEqual(total.slice(0, 2), [2903670, 3237219]);
    assert.deepEqual(total.slice(4, 7), [2364988, 3070444.5, 705456.5]);
    assert.deepEqual(grid(v, plan.keys.summaryVerdict)[0], ["Voldoet: 87.9 % > 80 %"]);
    assert.deepEqual(grid(v, plan.keys.summaryDate)[0], [excelDate(DATE)]);
    assert.deepEqual(grid(v, plan.keys.summaryVersion)[0], [inputVersion(PUBLISHED_2023_2024)]);
  });

  it("the whole workbook on paper: the Samenvatting one page, Per gemeente six", async () => {
    const pdf = await printToPdf(path.join(tmp, "voorstel.xlsx"));
    const pages = pageTexts(pdf);
    assert.equal(pages.length, pageCount(pdf));
    const sheetOf = (page: string) =>
      page
        .split("\n")
        .find((l) => l.trim())!
        .trim()
        .split(/\s{2,}/)
        .pop()!;
    const count = (name: string) => pages.filter((p) => sheetOf(p) === name).length;
    assert.equal(count(t.sheets.summary), 1);
    assert.equal(count(t.sheets.perMunicipality), 6);
  });

  it("the Samenvatting printed alone: exactly one A4 page with the title, the lump sums, the verdict, the chart's title and every municipality", async () => {
    const pdf = await printAlone(plan, v, t.sheets.summary, "samenvatting");
    assert.equal(pageCount(pdf), 1);
    assert.match(
      execFileSync("pdfinfo", [pdf], { encoding: "utf8" }),
      /Page size:\s+595(\.\d+)? x 841(\.\d+)? pts \(A4\)/,
    ); // A4 upright
    const [page] = pageTexts(pdf);
    for (const text of [
      `${t.summaryTitle} 2023–2024`,
      "2,903,670",
      "3,237,219",
      "Voldoet: 87.9 % > 80 %",
      t.lumpSumPerYear,
      inputVersion(PUBLISHED_2023_2024),
      ...fixture.p_budget.municipalities,
    ])
      assert.ok(page.includes(text), `${text} is not on the page`);
  });

  it("Per gemeente printed alone: exactly one page per municipality, each its own, in order", async () => {
    const pdf = await printAlone(plan, v, t.sheets.perMunicipality, "per-gemeente");
    assert.equal(pageCount(pdf), 6);
    const pages = pageTexts(pdf);
    fixture.p_budget.municipalities.forEach((name: string, i: number) => {
      assert.ok(pages[i].includes(`${t.municipalityTitle} ${name}`), `page ${i + 1}: ${name}`);
      assert.equal(pages[i].split(t.municipalityTitle).length - 1, 1, `page ${i + 1} holds one municipality`);
    });
    // Bernheze's page: 2024 as allocated, the change from 2023, the period compared.
    assert.match(pages[0], /2024\s+Voorstel\s+€ 214,157\s+€ 377,121\s+56\.8%\s+€ 21,864\s+11\.4%/);
    assert.match(pages[0], /Gemiddeld per jaar\s+€ 157,151\s+€ 203,225\s+€ 46,074\s+29\.3%/);
  });

  it("20 municipalities × 4 years: the Samenvatting still one page, Per gemeente twenty", async () => {
    const big = build(bigInput(20, 4));
    const values = await recalculated(big, "voorstel-20");
    const summary = await printAlone(big, values, t.sheets.summary, "samenvatting-20");
    assert.equal(pageCount(summary), 1);
    const pages = await printAlone(big, values, t.sheets.perMunicipality, "per-gemeente-20");
    assert.equal(pageCount(pages), 20);
    pageTexts(pages).forEach((p, i) =>
      assert.ok(p.includes(`${t.municipalityTitle} Gemeente ${i + 1}\n`), `page ${i + 1}`),
    );
  });
});
