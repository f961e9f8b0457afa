// One A4 page for the council (issue 16, part 3): the Samenvatting and Per gemeente sheets in the
// proposal plan, their figures as the core's evaluator computes them (the same formulas LibreOffice
// recalculates in test/recalc/summaryWorkbook.test.ts), the date and input version, the print setup
// (one page; a page per municipality) and both writers' page setup. On paper: the recalc test.
import assert from "node:assert/strict";
import fs from "node:fs";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { parseAddress } from "../../src/core/plan/a1";
import { evaluatePlan } from "../../src/core/plan/evaluate";
import { FormulaError } from "../../src/core/plan/evaluateValues";
import { planVariant } from "../../src/core/plan/rename";
import type { PlanSheet } from "../../src/core/plan/types";
import { validatePlan } from "../../src/core/plan/validate";
import {
  buildProposalPlan,
  canonicalJson,
  excelDate,
  inputVersion,
  LABELS,
  pBudgetMatrix,
  PUBLISHED_2023_2024,
  summarizeProposal,
  todayIso,
  type ProposalInput,
  type ProposalPlan,
} from "../../src/core/proposal";
import { writePlan } from "../../src/excel/officeWriter";
import { queuePageLayout } from "../../src/excel/pageLayout";
import { planToXlsxBuffer } from "../../src/writers/xlsxWriter";
import { evaluatedRange } from "../support/planValues";
import { officeWorkbook } from "../support/officeWorkbook";
import { bigInput } from "../support/proposalInputs";

const fixture = JSON.parse(fs.readFileSync(path.join(__dirname, "../fixtures/lumpsum-2023-2024.json"), "utf8"));
const DATE = "2026-12-03";
const clone = (p: ProposalInput): ProposalInput => JSON.parse(JSON.stringify(p));
const build = (p: ProposalInput = PUBLISHED_2023_2024, lang: "nl" | "en" = "nl") =>
  buildProposalPlan(p, lang, undefined, { date: DATE });
const sheetOf = (plan: ProposalPlan, name: string): PlanSheet => plan.sheets.find((s) => s.name === name)!;

const values = evaluatedRange;

const round = (x: unknown, d = 0) => Math.round((x as number) * 10 ** d) / 10 ** d;

describe("Samenvatting (issue 16): one A4 page for the council", () => {
  const plan = build();
  const v = evaluatePlan(plan);
  const t = LABELS.nl;

  it("the proposal has a Samenvatting and a Per gemeente sheet after Mutaties and Scenario's; English: Summary, Per municipality", () => {
    assert.deepEqual(
      plan.sheets.slice(-5).map((s) => s.name),
      ["Mutaties", "Scenario's", "Samenvatting", "Per gemeente", "Aansluiting"],
    );
    assert.deepEqual(
      build(PUBLISHED_2023_2024, "en")
        .sheets.slice(-3)
        .map((s) => s.name),
      ["Summary", "Per municipality", "Reconciliation"],
    );
    assert.deepEqual(validatePlan(plan), []);
  });

  it("native formulas over the other sheets only: every figure a formula, every formula computed without an error", () => {
    for (const name of [t.sheets.summary, t.sheets.perMunicipality]) {
      const rows = sheetOf(plan, name).blocks[0].rows;
      rows.forEach((row, r) =>
        row.forEach((c, k) => {
          if (c?.formula === undefined) return;
          assert.ok(!c.formula.includes("IBN."), `${name} ${r},${k}`);
          const x = v.get(name, r, k);
          assert.ok(x !== undefined && !(x instanceof FormulaError), `${name} ${r},${k}: ${c.formula} → ${String(x)}`);
        }),
      );
    }
  });

  it("the lump sum per year and per PW fte, as published: 2,903,670 and 3,237,219; 6,781 and 6,547; the previous period beside them", () => {
    const years = [2021, 2022, 2023, 2024];
    assert.deepEqual(
      values(plan, v, plan.keys.summaryLumpSum)[0],
      years.map((y) => fixture.lumpsum_by_year[y]),
    );
    assert.deepEqual(
      values(plan, v, plan.keys.summaryPerFte)[0].map((x) => round(x)),
      years.map((y) => fixture.lumpsum_per_pw_fte_published[y]),
    );
    assert.deepEqual(
      values(plan, v, plan.keys.summaryPctOfBudget)[0].map((x) => round((x as number) * 100, 1)),
      years.map((y) => fixture.p_budget.published_lumpsum_pct_of_p_budget[y]),
    );
    assert.deepEqual(values(plan, v, plan.keys.summaryLumpSumChange)[0], [null, 237325, 420020, 333549]);
  });

  it("per municipality: the contribution per proposal year as the core allocates it, its % of P-budget, the period compared", () => {
    const core = summarizeProposal(PUBLISHED_2023_2024);
    assert.deepEqual(values(plan, v, plan.keys.summaryContribution), core.allocation);
    // Within one euro of the published allocation (which adds up to 3,237,220 in 2024).
    const published = [2023, 2024].map((y) => fixture.p_budget.published_allocation[y] as number[]);
    core.allocation.forEach((row, i) => row.forEach((a, k) => assert.ok(Math.abs(a - published[k][i]) <= 1)));
    const pct = values(plan, v, plan.keys.summaryPctOfBudgetByMunicipality) as number[][];
    pct.forEach((row, i) =>
      row.forEach((x, k) =>
        assert.ok(Math.abs(x - core.allocation[i][k] / PUBLISHED_2023_2024.municipalities[i].pBudgets[2 + k]) < 1e-12),
      ),
    );
    // Previous period as invoiced (2021, 2022), this period as allocated: averages per year.
    const cmp = values(plan, v, plan.keys.summaryComparison) as number[][];
    PUBLISHED_2023_2024.municipalities.forEach((m, i) => {
      const before = (m.invoiced![0] + m.invoiced![1]) / 2;
      const now = (core.allocation[i][0] + core.allocation[i][1]) / 2;
      assert.deepEqual(cmp[i].slice(0, 3), [before, now, now - before], m.name);
      assert.ok(Math.abs(cmp[i][3] - (now / before - 1)) < 1e-12);
    });
    // Bernheze: 157,151 a year in 2021–2022, 203,225 in 2023–2024, +46,074 (+29.3 %).
    assert.deepEqual(cmp[0].slice(0, 3), [157151, 203225, 46074]);
    assert.equal(round(cmp[0][3], 3), 0.293);
    const total = values(plan, v, plan.keys.summaryTotal)[0];
    assert.deepEqual(total.slice(0, 2), [2903670, 3237219]);
    assert.deepEqual(total.slice(4, 6), [(2246325 + 2483651) / 2, (2903670 + 3237219) / 2]);
  });

  it('the quasi-in-house verdict in one line: "Voldoet: 87.9 % > 80 %"; "Voldoet niet" with "≤" below the threshold', () => {
    assert.equal(values(plan, v, plan.keys.summaryVerdict)[0][0], "Voldoet: 87.9 % > 80 %");
    const p = clone(PUBLISHED_2023_2024);
    p.quasiInhouse.threshold = 0.9;
    const fails = build(p);
    assert.equal(values(fails, evaluatePlan(fails), fails.keys.summaryVerdict)[0][0], "Voldoet niet: 87.9 % ≤ 90 %");
    const en = build(PUBLISHED_2023_2024, "en");
    assert.equal(values(en, evaluatePlan(en), en.keys.summaryVerdict)[0][0], "Passes: 87.9 % > 80 %");
  });

  it("one chart: the lump sum per year, on the Samenvatting, inside its print area", () => {
    const charts = plan.charts.filter((c) => c.sheet === t.sheets.summary);
    assert.equal(charts.length, 1);
    assert.equal(charts[0].title, t.lumpSumPerYear);
    assert.deepEqual(
      charts[0].series.map((s) => s.values),
      [plan.keys.summaryLumpSum],
    );
    const area = sheetOf(plan, t.sheets.summary).print!.area;
    const last = parseAddress(area.split(":")[1]);
    const to = parseAddress(charts[0].to);
    assert.ok(to.row <= last.row && to.col <= last.col, `${charts[0].to} outside ${area}`);
  });

  it("the date as a constant (no TODAY(): the page says when it was made), today by default; the input version", () => {
    assert.equal(excelDate("2026-12-03"), 46359);
    assert.equal(excelDate("1900-03-01"), 61);
    assert.throws(() => excelDate("2026-02-30"), RangeError);
    const rows = sheetOf(plan, t.sheets.summary).blocks[0].rows;
    const date = rows[1][1]!;
    assert.deepEqual(date, { value: 46359, format: "d-m-yyyy", style: "label" });
    assert.equal(rows[1][0]!.value, t.generatedOn);
    assert.equal(rows[2][0]!.value, t.inputVersion);
    assert.equal(rows[2][1]!.value, inputVersion(PUBLISHED_2023_2024));
    const today = buildProposalPlan(PUBLISHED_2023_2024);
    const [serial] = values(today, evaluatePlan(today), today.keys.summaryDate)[0];
    assert.equal(serial, excelDate(todayIso()));
    assert.equal(todayIso(new Date(2024, 0, 5)), "2024-01-05");
    // Nothing on either sheet asks for the time of recalculation.
    for (const name of [t.sheets.summary, t.sheets.perMunicipality])
      for (const row of sheetOf(plan, name).blocks[0].rows)
        for (const c of row) assert.ok(!/TODAY|NOW/.test(c?.formula ?? ""));
  });

  it("the input version: 8 hex digits of the canonical JSON; the same input in another key order gives the same, a changed figure another", () => {
    const version = inputVersion(PUBLISHED_2023_2024);
    assert.match(version, /^[0-9a-f]{8}$/);
    assert.equal(inputVersion(clone(PUBLISHED_2023_2024)), version);
    const reordered = Object.fromEntries(Object.entries(clone(PUBLISHED_2023_2024)).reverse()) as ProposalInput;
    assert.equal(canonicalJson(reordered), canonicalJson(PUBLISHED_2023_2024));
    assert.equal(inputVersion(reordered), version);
    const changed = clone(PUBLISHED_2023_2024);
    changed.municipalities[5].pBudgets[3] += 1;
    assert.notEqual(inputVersion(changed), version);
    assert.equal(canonicalJson({ b: 1, a: [1, { d: undefined, c: "x" }] }), '{"a":[1,{"c":"x"}],"b":1}');
  });

  it("prints upright on exactly one page: fit to one page wide and one tall, the print area set, nothing repeated", () => {
    const print = sheetOf(plan, t.sheets.summary).print!;
    assert.equal(print.orientation, "portrait");
    assert.equal(print.onePage, true);
    assert.match(print.area, /^A1:I\d+$/);
    assert.equal(print.titleRows, undefined);
    assert.equal(print.rowBreaks, undefined);
    // Every other sheet still one page wide and as many tall as needed.
    for (const s of plan.sheets.filter((s) => s.name !== t.sheets.summary)) assert.equal(s.print!.onePage, undefined);
  });

  it("without a previous period: a dash where the change would be, never an error", () => {
    const p = clone(PUBLISHED_2023_2024);
    delete p.previous;
    delete p.realised;
    delete p.published; // the report's figures cover the previous period too
    p.municipalities.forEach((m) => {
      m.pBudgets = m.pBudgets.slice(2);
      delete m.invoiced;
    });
    const plan = build(p);
    const v = evaluatePlan(plan);
    assert.deepEqual(values(plan, v, plan.keys.summaryLumpSum)[0], [2903670, 3237219]);
    const cmp = values(plan, v, plan.keys.summaryComparison);
    for (const row of cmp) {
      assert.deepEqual([row[0], row[2], row[3]], ["—", "—", "—"]);
      assert.equal(typeof row[1], "number");
    }
    for (const name of ["Samenvatting", "Per gemeente"])
      sheetOf(plan, name).blocks[0].rows.forEach((row, r) =>
        row.forEach((c, k) => assert.ok(!(v.get(name, r, k) instanceof FormulaError), `${name} ${r},${k}`)),
      );
    const pages = sheetOf(plan, "Per gemeente").blocks[0].rows;
    assert.ok(pages.some((row) => row[1]?.value === "—"));
  });
});

describe("Per gemeente (issue 16): a printed page per municipality", () => {
  const plan = build();
  const v = evaluatePlan(plan);
  const t = LABELS.nl;
  const sheet = sheetOf(plan, t.sheets.perMunicipality);
  const rows = sheet.blocks[0].rows;
  const titles = rows.flatMap((row, r) => (row[0]?.formula?.includes(t.municipalityTitle) ? [r] : []));

  it("a page per municipality: its title, a page break above every one but the first, nothing repeated, upright", () => {
    assert.equal(titles.length, 6);
    assert.deepEqual(
      titles.map((r) => v.get(t.sheets.perMunicipality, r, 0)),
      PUBLISHED_2023_2024.municipalities.map((m) => `${t.municipalityTitle} ${m.name}`),
    );
    const print = sheet.print!;
    assert.deepEqual(print.rowBreaks, titles.slice(1));
    assert.equal(print.titleRows, undefined);
    assert.equal(print.orientation, "portrait");
    assert.equal(print.onePage, undefined);
    // The print area ends with the last page's last row.
    assert.equal(Number(/(\d+)$/.exec(print.area)![1]), rows.length);
  });

  it("each page: per year its contribution (as invoiced in the previous period), P-budget, % and change; its average per year against the previous period", () => {
    const core = summarizeProposal(PUBLISHED_2023_2024);
    PUBLISHED_2023_2024.municipalities.forEach((m, i) => {
      const top = titles[i];
      const year = (j: number) => top + 6 + j;
      const get = (r: number, c: number) => {
        const cell = rows[r][c];
        return cell?.formula !== undefined ? v.get(t.sheets.perMunicipality, r, c) : (cell?.value ?? null);
      };
      const amounts = [m.invoiced![0], m.invoiced![1], core.allocation[i][0], core.allocation[i][1]];
      amounts.forEach((a, j) => {
        assert.equal(get(year(j), 0), 2021 + j);
        assert.equal(get(year(j), 1), j < 2 ? t.previous : t.proposalPeriod);
        assert.equal(get(year(j), 2), a, `${m.name} ${2021 + j}`);
        assert.equal(get(year(j), 3), m.pBudgets[j]);
        assert.ok(Math.abs((get(year(j), 4) as number) - a / m.pBudgets[j]) < 1e-12);
        if (j === 0) assert.deepEqual([get(year(j), 5), get(year(j), 6)], [null, null]);
        else {
          assert.equal(get(year(j), 5), a - amounts[j - 1]);
          assert.ok(Math.abs((get(year(j), 6) as number) - (a / amounts[j - 1] - 1)) < 1e-12);
        }
      });
      const cmp = year(4) + 3;
      assert.equal(get(cmp, 0), t.averagePerYear);
      const [before, now] = [(amounts[0] + amounts[1]) / 2, (amounts[2] + amounts[3]) / 2];
      assert.deepEqual([get(cmp, 1), get(cmp, 2), get(cmp, 3)], [before, now, now - before]);
      // The date and the input version on every page.
      assert.equal(get(top + 2, 1), excelDate(DATE));
      assert.equal(get(top + 3, 1), inputVersion(PUBLISHED_2023_2024));
    });
  });

  it("estimated P-budgets (issue 16): the pages show them as Verdeling allocates over them, never an empty cell or an error", () => {
    const p = clone(PUBLISHED_2023_2024);
    delete p.published;
    p.pBudgetGrowth = 0.03;
    p.estimatedPBudgetYears = [2024];
    const est = build(p);
    const ev = evaluatePlan(est);
    const budgets = pBudgetMatrix(p);
    const pageRows = sheetOf(est, t.sheets.perMunicipality).blocks[0].rows;
    const starts = pageRows.flatMap((row, r) => (row[0]?.style === "title" ? [r] : []));
    p.municipalities.forEach((m, i) => {
      const row = starts[i] + 6 + 3; // 2024, the fourth allocation year
      assert.equal(ev.get(t.sheets.perMunicipality, row, 0), 2024);
      assert.equal(ev.get(t.sheets.perMunicipality, row, 3), budgets[i][3].toNumber(), m.name);
    });
    const summary = sheetOf(est, t.sheets.summary).blocks[0].rows;
    summary.forEach((row, r) =>
      row.forEach((c, k) => {
        if (c?.formula === undefined) return;
        const x = ev.get(t.sheets.summary, r, k);
        assert.ok(!(x instanceof FormulaError), `Samenvatting ${r},${k}: ${c.formula} → ${String(x)}`);
      }),
    );
  });

  it("scales linearly: 400 municipalities × 10 years, a block of N + 11 rows each; leaving the pages out is an option", () => {
    const input = bigInput(400, 10);
    const big = buildProposalPlan(input, "nl", undefined, { date: DATE });
    const pages = sheetOf(big, "Per gemeente");
    const N = 12; // 2 previous years and 10 proposal years
    assert.equal(pages.blocks[0].rows.length, 400 * (N + 11) - 1);
    assert.equal(pages.blocks[0].rows[0].length, 7);
    assert.equal(pages.print!.rowBreaks!.length, 399);
    assert.equal(sheetOf(big, "Samenvatting").blocks[0].rows.length, 35 + 400);
    assert.deepEqual(validatePlan(big), []);
    const without = buildProposalPlan(input, "nl", undefined, { date: DATE, municipalityPages: false });
    assert.equal(without.sheets.length, big.sheets.length - 1);
    assert.ok(!without.sheets.some((s) => s.name === "Per gemeente"));
  });

  it("Keep both: the council's sheets are renamed with the rest, their formulas and chart follow", () => {
    const two = planVariant(plan, 2);
    const summary = sheetOf(two, "Samenvatting (2)");
    const formulas = summary.blocks[0].rows.flat().flatMap((c) => (c?.formula ? [c.formula] : []));
    assert.ok(formulas.some((f) => f.includes("'Lumpsum (2)'!")));
    assert.ok(formulas.every((f) => !/'(Lumpsum|Verdeling|Invoer|Quasi-inbesteding)'!/.test(f)));
    assert.ok(sheetOf(two, "Per gemeente (2)"));
    assert.ok(two.charts.some((c) => c.sheet === "Samenvatting (2)"));
    assert.match(two.keys.summaryLumpSum, /^'Samenvatting \(2\)'!/);
  });
});

describe("the council's pages through both writers", () => {
  const plan = build();

  it("ExcelJS: the Samenvatting fit to 1 × 1 page, Per gemeente 1 wide with a row break above each municipality but the first", async () => {
    const bytes = await planToXlsxBuffer(plan);
    const back = new ExcelJS.Workbook();
    await back.xlsx.load(bytes as unknown as ArrayBuffer);
    const summary = back.getWorksheet("Samenvatting")!;
    assert.equal(summary.pageSetup.fitToPage, true);
    assert.deepEqual([summary.pageSetup.fitToWidth, summary.pageSetup.fitToHeight], [1, 1]);
    assert.equal(summary.pageSetup.orientation, "portrait");
    assert.equal(summary.pageSetup.paperSize, 9);
    assert.equal(summary.pageSetup.printArea, sheetOf(plan, "Samenvatting").print!.area);
    const pages = back.getWorksheet("Per gemeente")!;
    assert.deepEqual([pages.pageSetup.fitToWidth, pages.pageSetup.fitToHeight], [1, 0]);
    // The row breaks as written: below the 1-based row r, a break before the zero-based row r.
    const zip = await JSZip.loadAsync(bytes);
    const workbookXml = await zip.file("xl/workbook.xml")!.async("string");
    const sheets = [...workbookXml.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
    const xml = await zip.file(`xl/worksheets/sheet${sheets.indexOf("Per gemeente") + 1}.xml`)!.async("string");
    const breaks = [...xml.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]));
    assert.deepEqual(breaks, sheetOf(plan, "Per gemeente").print!.rowBreaks);
    // The chart's part is there with the lump sums cached.
    const charts = Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
    const texts = await Promise.all(charts.map((f) => zip.file(f)!.async("string")));
    assert.ok(texts.some((x) => x.includes(LABELS.nl.lumpSumPerYear) && x.includes("<c:v>3237219</c:v>")));
  });

  it("Office.js: the Samenvatting zoomed to 1 × 1 page, a page break above each municipality but the first", async () => {
    const wb = officeWorkbook();
    const written = await writePlan(wb.context, plan);
    const summary = wb.sheet(written.sheets[plan.sheets.findIndex((s) => s.name === "Samenvatting")])!;
    assert.deepEqual(summary.pageLayout.zoom, { horizontalFitToPages: 1, verticalFitToPages: 1 });
    assert.equal(summary.pageLayout.orientation, "Portrait");
    assert.equal(summary.charts.length, 1);
    const pages = wb.sheet(written.sheets[plan.sheets.findIndex((s) => s.name === "Per gemeente")])!;
    assert.deepEqual(
      pages.pageBreaks,
      sheetOf(plan, "Per gemeente").print!.rowBreaks!.map((r) => `A${r + 1}`),
    );
  });

  it("Office.js without ExcelApi 1.9: no page setup and no page breaks queued, the sheets written all the same", () => {
    const calls: string[] = [];
    const ws = {
      get pageLayout() {
        calls.push("pageLayout");
        return {};
      },
      horizontalPageBreaks: { add: () => calls.push("break") },
    } as unknown as Excel.Worksheet;
    const g = globalThis as { Office?: unknown };
    const before = g.Office;
    g.Office = { context: { requirements: { isSetSupported: () => false } } };
    try {
      queuePageLayout(ws, sheetOf(plan, "Per gemeente").print);
      queuePageLayout(ws, sheetOf(plan, "Samenvatting").print);
    } finally {
      g.Office = before;
    }
    assert.deepEqual(calls, []);
  });
});
