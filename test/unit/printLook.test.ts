// Issue 17's print and style fixes, from the plan through both writers: Controle and helper rows on
// screen but not printed, group headings centred over their columns, a blank row between a check row
// and the next title, frozen panes on Invoer and Meerkosten, document properties (title, subject,
// creator "IBN Lumpsum"). On paper (LibreOffice PDF): test/recalc/printLook.test.ts.
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import {
  buildEvaluationPlan,
  buildEvaluationTemplate,
  EVALUATION_TABLES,
  parsePeriod,
} from "../../src/core/evaluation";
import { parseAddress } from "../../src/core/plan/a1";
import { printArea } from "../../src/core/plan/print";
import type { PlanSheet, WorkbookPlan } from "../../src/core/plan/types";
import { buildProposalPlan, LABELS, PUBLISHED_2023_2024 } from "../../src/core/proposal";
import { writePlan } from "../../src/excel/officeWriter";
import { writePlanToXlsx } from "../../src/writers/xlsxWriter";
import { officeWorkbook } from "../support/officeWorkbook";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ibn-look-"));
const proposal = buildProposalPlan(PUBLISHED_2023_2024, "nl");
const sheet = (plan: WorkbookPlan, name: string) => plan.sheets.find((s) => s.name === name)!;
const rowsOf = (s: PlanSheet) => s.blocks[0].rows;
/** The zero-based rows whose first cell's text starts with `text`. */
const rowsStarting = (s: PlanSheet, text: string) =>
  rowsOf(s).flatMap((row, r) => (typeof row[0]?.value === "string" && row[0].value.startsWith(text) ? [r] : []));
const lastPrintedRow = (s: PlanSheet) => Number(/(\d+)$/.exec(s.print!.area)![1]) - 1;

async function roundTrip(plan: WorkbookPlan, name: string): Promise<ExcelJS.Workbook> {
  const file = path.join(tmp, `${name}.xlsx`);
  await writePlanToXlsx(plan, file);
  const back = new ExcelJS.Workbook();
  await back.xlsx.readFile(file);
  return back;
}

describe("print and look (issue 17): the plan", () => {
  for (const lang of ["nl", "en"] as const)
    it(`${lang}: every Controle row and the helper row are on the sheet, below everything printed`, () => {
      const plan = buildProposalPlan(PUBLISHED_2023_2024, lang);
      const t = LABELS[lang];
      let checks = 0;
      for (const s of plan.sheets) {
        const screenOnly = [...rowsStarting(s, `${t.check}:`), ...rowsStarting(s, t.leftover)];
        checks += screenOnly.length;
        assert.deepEqual([...(s.screenOnlyRows ?? [])].sort(), screenOnly.sort(), s.name);
        // One rectangle, ending above them: no page of its own, nothing of them on paper.
        assert.match(s.print!.area, /^A1:[A-Z]+\d+$/, s.name);
        for (const r of screenOnly) assert.ok(r > lastPrintedRow(s), `${s.name} row ${r + 1} is printed`);
      }
      // Lumpsum's Controle; Verdeling's helper row and Controle; Nacalculatie's effect Controle;
      // Mutaties' invoiced-sum and effects Controle; Scenario's base and parts Controle and helper row.
      assert.equal(checks, 9);
    });

  it("the chart and the whole allocation table still print; the result of the quasi-in-house test too", () => {
    const alloc = sheet(proposal, "Verdeling");
    assert.ok(parseAddress(proposal.charts[0].to).row <= lastPrintedRow(alloc), "the chart prints");
    const pct = rowsStarting(alloc, LABELS.nl.pctOfBudget)[0];
    assert.ok(pct <= lastPrintedRow(alloc));
    const quasi = sheet(proposal, "Quasi-inbesteding");
    assert.equal(lastPrintedRow(quasi), rowsOf(quasi).length - 1, "Uitkomst toets is a result, not a Controle");
  });

  it("a screen-only row between printed ones splits the print area (each part its own page): builders put them last", () => {
    assert.equal(printArea({ rows: 10, cols: 3 }, [9]), "A1:C9");
    assert.equal(printArea({ rows: 10, cols: 3 }, [4, 5]), "A1:C4,A7:C10");
    assert.equal(printArea({ rows: 10, cols: 3 }, []), "A1:C10");
  });

  it("group headings over their four year columns: P-budget, Relatief aandeel, Lumpsum vergoeding (and the helpers)", () => {
    const alloc = sheet(proposal, "Verdeling");
    assert.deepEqual(alloc.centredHeadings, ["B3:E3", "F3:I3", "J3:M3", "O3:V3"]);
    const heading = rowsOf(alloc)[2];
    assert.deepEqual(
      ["B", "F", "J"].map((c) => heading[parseAddress(`${c}3`).col]?.value),
      [LABELS.nl.pBudget, LABELS.nl.share, LABELS.nl.fee],
    );
  });

  it("every plan: a check row is followed by a blank row (or ends the sheet) before the next title", () => {
    const plans: WorkbookPlan[] = [
      proposal,
      buildProposalPlan(PUBLISHED_2023_2024, "en"),
      buildEvaluationPlan(EVALUATION_TABLES),
      buildEvaluationTemplate({ period: parsePeriod("2024"), scope: { kind: "region" } }),
    ];
    for (const plan of plans)
      for (const s of plan.sheets) {
        const rows = rowsOf(s);
        rows.forEach((row, r) => {
          if (!row.some((c) => c?.style === "check")) return;
          const next = rows[r + 1];
          assert.ok(!next?.some((c) => c?.style === "title"), `${s.name} row ${r + 2}: a title right under a check`);
        });
      }
  });

  it("frozen panes: Invoer (title rows and labels), Meerkosten (header and cost lines), Lumpsum and Verdeling as before", () => {
    const frozen = Object.fromEntries(proposal.sheets.map((s) => [s.name, s.freeze]));
    assert.deepEqual(frozen.Invoer, { rows: 2, columns: 1 });
    assert.deepEqual(frozen.Meerkosten, { rows: 4, columns: 1 });
    assert.deepEqual(frozen.Lumpsum, { rows: 0, columns: 1 });
    assert.deepEqual(frozen.Verdeling, { rows: 4, columns: 1 });
  });

  it("document properties: title with the years, a subject, creator IBN Lumpsum; the evaluation workbooks too", () => {
    assert.deepEqual(proposal.properties, {
      title: "IBN lumpsumvoorstel 2023–2024",
      subject: "Lumpsum PW: meerkosten, bezetting, lumpsum, verdeling over de gemeenten en toets quasi-inbesteding",
      creator: "IBN Lumpsum",
    });
    assert.equal(buildProposalPlan(PUBLISHED_2023_2024, "en").properties!.title, "IBN lump-sum proposal 2023–2024");
    const evaluation = buildEvaluationTemplate({ period: parsePeriod("2024Q3"), language: "en" }).properties!;
    assert.equal(evaluation.creator, "IBN Lumpsum");
    assert.match(evaluation.title, /^IBN evaluation tables /);
    assert.match(evaluation.subject, /^Evaluation of the lump-sum agreements/);
    assert.equal(buildEvaluationPlan(EVALUATION_TABLES).properties!.title, "IBN evaluatietabellen");
  });
});

describe("print and look (issue 17): the ExcelJS writer", () => {
  let back: ExcelJS.Workbook;
  before(async () => {
    back = await roundTrip(proposal, "look");
  });

  it("group headings merged and centred over their columns", () => {
    const ws = back.getWorksheet("Verdeling")!;
    for (const range of ["B3:E3", "F3:I3", "J3:M3"]) {
      const [first, last] = range.split(":");
      assert.equal(ws.getCell(last).isMerged, true, range);
      assert.equal(ws.getCell(last).master.address, first, range);
      assert.equal(ws.getCell(first).alignment?.horizontal, "center", range);
    }
    assert.equal(ws.getCell("A3").isMerged, false);
  });

  it("the print area ends above the Controle rows, which are on the sheet and visible", () => {
    const ws = back.getWorksheet("Lumpsum")!;
    assert.equal(ws.pageSetup.printArea, "A1:E17");
    assert.equal(ws.getCell("A19").value, "Controle: Lumpsum niet negatief");
    assert.notEqual(ws.getRow(19).hidden, true);
  });

  it("frozen panes on Invoer and Meerkosten", () => {
    assert.deepEqual(
      ["Invoer", "Meerkosten"].map((n) => {
        const v = back.getWorksheet(n)!.views[0] as ExcelJS.WorksheetViewFrozen;
        return [v.state, v.xSplit, v.ySplit];
      }),
      [
        ["frozen", 1, 2],
        ["frozen", 1, 4],
      ],
    );
  });

  it("document properties in the file: title, subject, creator and last saved by IBN Lumpsum", () => {
    assert.equal(back.title, "IBN lumpsumvoorstel 2023–2024");
    assert.match(back.subject, /^Lumpsum PW/);
    assert.equal(back.creator, "IBN Lumpsum");
    assert.equal(back.lastModifiedBy, "IBN Lumpsum");
  });

  it("every font in the file keeps its name (no nameless, serif titles)", () => {
    back.eachSheet((ws) =>
      ws.eachRow((row) => row.eachCell((cell) => assert.ok(cell.font?.name ?? true, `${ws.name}!${cell.address}`))),
    );
    const title = back.getWorksheet("Lumpsum")!.getCell("A1").font;
    assert.deepEqual([title.name, title.bold, title.size], ["Calibri", true, 14]);
  });
});

describe("print and look (issue 17): the Office.js writer", () => {
  it("centres the group headings across their columns (Center Across Selection, no merge) and freezes the panes", async () => {
    const wb = officeWorkbook();
    await writePlan(wb.context, proposal);
    const alloc = wb.book.sheets.find((s) => s.name === "Verdeling")!;
    for (const a of ["B3", "C3", "E3", "J3", "M3"])
      assert.equal(alloc.styles.get(a)?.horizontalAlignment, "CenterAcrossSelection", a);
    assert.equal(alloc.styles.get("A3")?.horizontalAlignment, undefined);
    const frozen = Object.fromEntries(wb.book.sheets.map((s) => [s.name, s.frozen]));
    assert.deepEqual(frozen.Invoer, { at: "A1:A2" });
    assert.deepEqual(frozen.Meerkosten, { at: "A1:A4" });
    const lump = wb.book.sheets.find((s) => s.name === "Lumpsum")!;
    assert.equal(lump.pageLayout.printArea, "A1:E17");
  });
});
