// Workbooks ready to print: the page setup the plan carries (src/core/plan/print.ts), the ExcelJS
// writer's pageSetup and header/footer, and the Office.js writer's page layout. Printed to PDF by
// LibreOffice: test/recalc/print.test.ts.
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import fc from "fast-check";
import { buildEvaluationPlan, EVALUATION_TABLES, TABLE_BY_ID } from "../../src/core/evaluation";
import {
  defaultTitleRows,
  headerFooterCode,
  headerText,
  keepTogetherBreaks,
  printExtent,
  PRINT_TEXT,
} from "../../src/core/plan/print";
import type { PlanPrint, WorkbookPlan } from "../../src/core/plan/types";
import { buildProposalPlan, PUBLISHED_2023_2024 } from "../../src/core/proposal";
import { writePlan } from "../../src/excel/officeWriter";
import { queuePageLayout } from "../../src/excel/pageLayout";
import { planToWorkbook, writePlanToXlsx } from "../../src/writers/xlsxWriter";
import { officeWorkbook } from "../support/officeWorkbook";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ibn-print-"));
const proposal = buildProposalPlan(PUBLISHED_2023_2024, "nl");
const printOf = (plan: WorkbookPlan, name: string): PlanPrint => plan.sheets.find((s) => s.name === name)!.print!;

describe("print: the page setup in the plan", () => {
  it("every proposal sheet: one page wide, A1 to its last cell, a header with the title and the sheet, a footer with the date and page X of Y", () => {
    for (const sheet of proposal.sheets) {
      const p = sheet.print!;
      assert.ok(p, `${sheet.name} has no page setup`);
      assert.match(p.area, /^A1:[A-Z]+\d+$/);
      assert.deepEqual(p.header, { left: "IBN lumpsumvoorstel 2023–2024", right: "&A" });
      assert.deepEqual(p.footer, { left: "&D", right: "pagina &P van &N" });
    }
    const en = buildProposalPlan(PUBLISHED_2023_2024, "en");
    assert.deepEqual(en.sheets[0].print!.footer, { left: "&D", right: "page &P of &N" });
    assert.equal(en.sheets[0].print!.header.left, "IBN lump-sum proposal 2023–2024");
  });

  it("landscape where wide (Verdeling), portrait otherwise; the Verdeling prints its fee columns, not the helper columns", () => {
    const orientation = Object.fromEntries(proposal.sheets.map((s) => [s.name, s.print!.orientation]));
    assert.deepEqual(orientation, {
      // Landscape since the published input carries the contributions as invoiced beside the P-budgets (issue 14).
      Invoer: "landscape",
      Meerkosten: "portrait",
      Bezetting: "portrait",
      Lumpsum: "portrait",
      Verdeling: "landscape",
      "Quasi-inbesteding": "portrait",
      // The cycle's sheets (issue 14): wide tables and long notes.
      Nacalculatie: "landscape",
      Mutaties: "landscape",
      // The published figures beside the computed ones (issue 16): a long explanation column.
      Aansluiting: "landscape",
      // The council's pages (issue 16): upright, as a council reads them.
      Samenvatting: "portrait",
      "Per gemeente": "portrait",
      // The scenarios side by side (issue 16): a column per scenario.
      "Scenario's": "landscape",
    });
    // Municipality, then P-budget, share and fee for 4 allocation years: A..M; the chart below is inside.
    const area = printOf(proposal, "Verdeling").area;
    assert.match(area, /^A1:M\d+$/);
    const chartEnd = Number(/\d+$/.exec(proposal.charts[0].to)![0]);
    assert.ok(Number(/\d+$/.exec(area)![0]) >= chartEnd, "the chart is inside the print area");
  });

  it("title rows: the title and the table header (two header rows on Verdeling); the Invoer title and its subtitle", () => {
    const titles = Object.fromEntries(proposal.sheets.map((s) => [s.name, s.print!.titleRows]));
    assert.deepEqual(titles, {
      Invoer: { first: 1, last: 2 },
      Meerkosten: { first: 1, last: 4 },
      Bezetting: { first: 1, last: 3 },
      Lumpsum: { first: 1, last: 3 },
      Verdeling: { first: 1, last: 4 },
      "Quasi-inbesteding": { first: 1, last: 3 },
      Nacalculatie: { first: 1, last: 4 },
      Mutaties: { first: 1, last: 5 },
      Aansluiting: { first: 1, last: 4 },
      // One page, and a page per municipality with its own title: nothing repeated (issue 16).
      Samenvatting: undefined,
      "Per gemeente": undefined,
      "Scenario's": { first: 1, last: 4 },
    });
  });

  it("a text that runs on over empty cells widens the print area, so a long subtitle is not cut off", () => {
    const sheet = {
      name: "S",
      blocks: [{ anchor: "A1", rows: [[{ value: "x".repeat(60), style: "note" as const }, null, null, null]] }],
      columnWidths: [10, 10, 10, 10],
    };
    // 60 characters need about 385 px; columns of 75 px: A to F.
    assert.deepEqual(printExtent(sheet), { rows: 1, cols: 6 });
    const stopped = { ...sheet, blocks: [{ anchor: "A1", rows: [[{ value: "x".repeat(60) }, { value: 1 }]] }] };
    assert.deepEqual(printExtent(stopped), { rows: 1, cols: 2 });
    assert.equal(defaultTitleRows(sheet), 1);
  });

  it("header and footer codes: &L/&C/&R, an ampersand in a title doubled", () => {
    assert.equal(headerFooterCode({ left: "&D", right: "pagina &P van &N" }), "&L&D&Rpagina &P van &N");
    assert.equal(headerFooterCode({ center: headerText("Wsw & PW") }), "&CWsw && PW");
    assert.equal(PRINT_TEXT.en.page, "page &P of &N");
  });

  it("page breaks keep each table on one page where it fits (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 40 }), { maxLength: 15 }),
        fc.integer({ min: 20, max: 60 }),
        (heights, perPage) => {
          let top = 0;
          const groups = heights.map((h) => {
            const g = { first: top, last: top + h - 1 };
            top += h + 2;
            return g;
          });
          const breaks = keepTogetherBreaks(groups, perPage);
          assert.deepEqual(
            breaks,
            [...breaks].sort((a, b) => a - b),
          );
          // Pages as a printer makes them: a manual break, or a full page, starts the next one.
          const starts = [0];
          while (starts[starts.length - 1] < top) {
            const s = starts[starts.length - 1];
            starts.push(Math.min(breaks.find((b) => b > s) ?? Infinity, s + perPage));
          }
          for (const g of groups.filter((g) => g.last - g.first + 1 <= perPage)) {
            const next = starts.find((s) => s > g.first) ?? Infinity;
            assert.ok(next > g.last, `group ${g.first}-${g.last} is split at ${next}`);
          }
        },
      ),
    );
  });

  it("the evaluation template: no repeated rows (each table has its own header), a break before a table that would not fit, the tables' columns only", () => {
    const plan = buildEvaluationPlan(EVALUATION_TABLES);
    const p = plan.sheets[0].print!;
    assert.equal(p.titleRows, undefined);
    assert.deepEqual(p.header, { left: "IBN evaluatietabellen", right: "&A" });
    const titleRows = plan.placed.map((t) => Number(/\d+$/.exec(t.anchor)![0]) - 1);
    assert.ok(
      p.rowBreaks!.length > 0 && p.rowBreaks!.every((r) => titleRows.includes(r)),
      "breaks fall before a title",
    );
    const widest = Math.max(...plan.placed.map((t) => 1 + t.columns.length * (TABLE_BY_ID.get(t.table)!.pct ? 2 : 1)));
    assert.equal(/^A1:([A-Z]+)/.exec(p.area)![1], String.fromCharCode(64 + widest));
  });
});

describe("print: the ExcelJS writer", () => {
  it("fit to 1 page wide and 0 (automatic) tall, A4, print area with absolute references, title rows, header and footer", async () => {
    const file = path.join(tmp, "setup.xlsx");
    await writePlanToXlsx(proposal, file);
    const back = new ExcelJS.Workbook();
    await back.xlsx.readFile(file);
    const ws = back.getWorksheet("Verdeling")!;
    assert.equal(ws.pageSetup.fitToPage, true);
    assert.equal(ws.pageSetup.fitToWidth, 1);
    assert.equal(ws.pageSetup.fitToHeight, 0);
    assert.equal(ws.pageSetup.orientation, "landscape");
    assert.equal(ws.pageSetup.paperSize, 9);
    assert.equal(ws.headerFooter.oddHeader, "&LIBN lumpsumvoorstel 2023–2024&R&A");
    assert.equal(ws.headerFooter.oddFooter, "&L&D&Rpagina &P van &N");
    // ExcelJS writes "$" + what it is given: "A$1:M$35" gives the absolute $A$1:$M$35 that LibreOffice
    // honours ($A1:$M35 it ignores: the PDF test below would then show the helper columns).
    const area = printOf(proposal, "Verdeling").area;
    assert.equal(
      planToWorkbook(proposal).getWorksheet("Verdeling")!.pageSetup.printArea,
      area.replace(/([A-Z]+)(\d+)/g, "$1$$$2"),
    );
    assert.equal(ws.pageSetup.printArea, area);
    // A sheet name with an apostrophe (Scenario's) is quoted as Excel requires: 'Scenario''s'!$A$1:… (src/writers/xlsxPrintNames.ts).
    const workbookXml = await (await JSZip.loadAsync(fs.readFileSync(file))).file("xl/workbook.xml")!.async("string");
    assert.match(
      workbookXml,
      /<definedName name="_xlnm\.Print_Area" localSheetId="\d+">&apos;Scenario&apos;&apos;s&apos;!\$A\$1:/,
    );
    assert.equal(back.getWorksheet("Scenario's")!.pageSetup.printArea, printOf(proposal, "Scenario's").area);
    assert.equal(ws.pageSetup.printTitlesRow, "1:4");
  });
});

describe("print: the Office.js writer's page layout (ExcelApi 1.9)", () => {
  /** A worksheet stand-in that records the page-layout writes and calls. */
  function recordingSheet() {
    const log: Record<string, unknown> = {};
    const part = (prefix: string, extra: Record<string, unknown> = {}) =>
      new Proxy(extra, { set: (t, k, v) => ((log[`${prefix}${String(k)}`] = v), true) });
    const ws = {
      pageLayout: part("", {
        headersFooters: { defaultForAllPages: part("hf.") },
        setPrintArea: (a: string) => (log.printArea = a),
        setPrintTitleRows: (a: string) => (log.printTitleRows = a),
      }),
      horizontalPageBreaks: { add: (a: string) => ((log.breaks as string[] | undefined) ?? (log.breaks = [])).push(a) },
    };
    return { ws: ws as unknown as Excel.Worksheet, log };
  }

  it("orientation, zoom to 1 page wide, margins, print area, title rows, header and footer, page breaks", () => {
    const { ws, log } = recordingSheet();
    queuePageLayout(ws, { ...printOf(proposal, "Verdeling"), rowBreaks: [30] });
    assert.equal(log.orientation, "Landscape");
    assert.equal(log.paperSize, "A4");
    assert.deepEqual(log.zoom, { horizontalFitToPages: 1, verticalFitToPages: 0 });
    assert.equal(log.printArea, printOf(proposal, "Verdeling").area);
    assert.equal(log.printTitleRows, "$1:$4");
    assert.equal(log["hf.leftHeader"], "IBN lumpsumvoorstel 2023–2024");
    assert.equal(log["hf.rightHeader"], "&A");
    assert.equal(log["hf.leftFooter"], "&D");
    assert.equal(log["hf.rightFooter"], "pagina &P van &N");
    assert.equal(log.leftMargin, 36);
    assert.deepEqual(log.breaks, ["A31"]);
  });

  it("writePlan sets up every sheet it adds (the Office stand-in)", async () => {
    const wb = officeWorkbook();
    const written = await writePlan(wb.context, proposal);
    for (const [i, name] of written.sheets.entries()) {
      const sheet = wb.sheet(name)!;
      const p = proposal.sheets[i].print!;
      assert.equal(sheet.pageLayout.printArea, p.area, name);
      assert.equal(sheet.pageLayout.orientation, p.orientation === "landscape" ? "Landscape" : "Portrait");
      // The Samenvatting on exactly one page tall as well (issue 16).
      assert.deepEqual(sheet.pageLayout.zoom, { horizontalFitToPages: 1, verticalFitToPages: p.onePage ? 1 : 0 });
      if (p.titleRows) assert.equal(sheet.pageLayout.printTitleRows, `$${p.titleRows.first}:$${p.titleRows.last}`);
      assert.equal(sheet.pageLayout.rightFooter, "pagina &P van &N");
    }
    const evaluation = officeWorkbook();
    const table = await writePlan(evaluation.context, buildEvaluationPlan(EVALUATION_TABLES));
    const breaks = buildEvaluationPlan(EVALUATION_TABLES).sheets[0].print!.rowBreaks!;
    assert.deepEqual(
      evaluation.sheet(table.sheets[0])!.pageBreaks,
      breaks.map((r) => `A${r + 1}`),
    );
  });

  it("without ExcelApi 1.9 nothing is queued (the sheet prints with Excel's defaults)", () => {
    const { ws, log } = recordingSheet();
    const g = globalThis as { Office?: unknown };
    const before = g.Office;
    g.Office = { context: { requirements: { isSetSupported: () => false } } };
    try {
      queuePageLayout(ws, printOf(proposal, "Invoer"));
    } finally {
      g.Office = before;
    }
    assert.deepEqual(log, {});
  });
});
