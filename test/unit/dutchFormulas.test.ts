// IBN formulas written by the add-in work in Excel in any display language: in an Excel that shows
// Dutch the cells that call an IBN function are written through `formulasLocal` with the Dutch
// names (IBN.PLAATSINGSPERCENTAGE, ALS, OF) and that Excel's separators; every other cell, and every
// cell in an Excel that shows English, through `formulas` in en-US. Tested on the pure localizer and
// on the Office stand-in (test/support/officeWorkbook.ts) set to nl-NL and en-US.
import assert from "node:assert/strict";
import fc from "fast-check";
import { AddinError } from "../../src/core/errors";
import { buildEvaluationPlan, EVALUATION_TABLES } from "../../src/core/evaluation";
import {
  callsAddin,
  EN_US,
  formulaLocale,
  localizeFormula,
  NL_NL,
  splitLocalFormulas,
} from "../../src/core/plan/formulaLocale";
import type { WorkbookPlan } from "../../src/core/plan/types";
import { buildProposalPlan, PUBLISHED_2023_2024 } from "../../src/core/proposal";
import { FUNCTIONS_NL as translations } from "../../src/core/locale";
import { loadFormulaLocale } from "../../src/excel/localFormulas";
import { cellInput } from "../../src/core/plan/geometry";
import { writePlan } from "../../src/excel/officeWriter";
import { writeAtSelection } from "../../src/excel/tableInsert";
import { officeWorkbook } from "../support/officeWorkbook";

const RATE = 'IF(OR(B3="",N(B4)=0),"",IBN.PLACEMENT_RATE(B3,B4))';

/** Runs `body` with the Office stand-in reporting `displayLanguage` and ExcelApi up to 1.10 (or all sets). */
async function asOffice<T>(displayLanguage: string, body: () => Promise<T>, api111 = false): Promise<T> {
  const g = globalThis as { Office?: unknown };
  const before = g.Office;
  g.Office = {
    context: { displayLanguage, requirements: { isSetSupported: (_: string, v: string) => api111 || v !== "1.11" } },
  };
  try {
    return await body();
  } finally {
    g.Office = before;
  }
}

const formulasOf = (plan: WorkbookPlan) =>
  plan.sheets.flatMap((s) => s.blocks.flatMap((b) => b.rows.flat().flatMap((c) => (c?.formula ? [c.formula] : []))));

describe("Dutch formulas: the localizer (pure)", () => {
  it("IBN.PLACEMENT_RATE becomes IBN.PLAATSINGSPERCENTAGE, IF/OR ALS/OF, the comma a semicolon", () => {
    assert.equal(localizeFormula(`=${RATE}`, NL_NL), '=ALS(OF(B3="";N(B4)=0);"";IBN.PLAATSINGSPERCENTAGE(B3;B4))');
  });

  it("every IBN function gets the name the add-in registers in Dutch (the locale pack)", () => {
    for (const [id, t] of Object.entries(translations as Record<string, { name: string }>))
      assert.equal(localizeFormula(`=IBN.${id}(A1,2)`, NL_NL), `=IBN.${t.name}(A1;2)`);
    assert.equal(localizeFormula("=ibn.placement_rate(A1,B1)", NL_NL), "=IBN.PLAATSINGSPERCENTAGE(A1;B1)");
  });

  it("decimal comma, TRUE/FALSE as WAAR/ONWAAR; strings, quoted sheet names and references untouched", () => {
    assert.equal(localizeFormula("=IF(A1>0.8,TRUE,FALSE)", NL_NL), "=ALS(A1>0,8;WAAR;ONWAAR)");
    assert.equal(localizeFormula('=IF(A1="a, b",1.5E3,"x""y,")', NL_NL), '=ALS(A1="a, b";1,5E3;"x""y,")');
    assert.equal(
      localizeFormula("=SUM('Tabel, 2023'!$B$3:$B$9,Invoer!B2,ibn_rate)", NL_NL),
      "=SOM('Tabel, 2023'!$B$3:$B$9;Invoer!B2;ibn_rate)",
    );
    assert.equal(
      localizeFormula("=SUMPRODUCT((A1:A3>1)*(ROW(A1:A3)<3))", NL_NL),
      "=SOMPRODUCT((A1:A3>1)*(RIJ(A1:A3)<3))",
    );
  });

  it("an Excel with a decimal point keeps the comma as list separator", () => {
    assert.deepEqual(formulaLocale("nl", "."), { language: "nl", decimal: ".", list: "," });
    assert.deepEqual(formulaLocale("nl", ","), NL_NL);
    assert.equal(
      localizeFormula(`=${RATE}`, formulaLocale("nl", ".")),
      '=ALS(OF(B3="",N(B4)=0),"",IBN.PLAATSINGSPERCENTAGE(B3,B4))',
    );
  });

  it("refuses what it cannot translate rather than write half a Dutch formula: an unknown function, an array constant", () => {
    const refused = (f: string) =>
      assert.throws(
        () => localizeFormula(f, NL_NL),
        (e: unknown) => e instanceof AddinError && e.code === "formula.notLocalizable",
      );
    refused("=VLOOKUP(A1,B:C,2,FALSE)");
    refused("=IBN.NO_SUCH(A1)");
    refused("=SUM({1,2})");
  });

  it("en-US stays en-US (property: any formula of the plans, localized to en-US, is itself)", () => {
    const all = [
      ...formulasOf(buildEvaluationPlan(EVALUATION_TABLES, { formulas: "addin" })),
      ...formulasOf(buildProposalPlan(PUBLISHED_2023_2024)),
    ];
    fc.assert(fc.property(fc.constantFrom(...all), (f) => localizeFormula(f, EN_US) === f));
  });

  it("knows the IBN calls: outside strings, not the tail of another name", () => {
    assert.ok(callsAddin(`=${RATE}`));
    assert.ok(!callsAddin('="IBN.PLACEMENT_RATE(A1,B1)"'));
    assert.ok(!callsAddin("=XIBN.A(1)"));
    assert.ok(!callsAddin("=SUM(A1:A3)"));
  });

  it("splits a block: only the IBN cells go to formulasLocal, the others stay en-US formulas", () => {
    const block = {
      anchor: "A1",
      rows: [[{ value: 5 }, { formula: "=SUM(A1,1)" }, { formula: `=${RATE}` }, null]],
    };
    assert.deepEqual(splitLocalFormulas(block, NL_NL, cellInput), {
      formulas: [[5, "=SUM(A1,1)", null, null]],
      formulasLocal: [[null, null, '=ALS(OF(B3="";N(B4)=0);"";IBN.PLAATSINGSPERCENTAGE(B3;B4))', null]],
    });
    assert.deepEqual(splitLocalFormulas(block, undefined, cellInput), {
      formulas: [[5, "=SUM(A1,1)", `=${RATE}`, null]],
    });
  });
});

describe("Dutch formulas: the Office.js writer on the stand-in", () => {
  const addinPlan = () => buildEvaluationPlan(EVALUATION_TABLES, { formulas: "addin" });
  /** The cells holding an IBN call, and how each was written. */
  function ibnCells(wb: ReturnType<typeof officeWorkbook>, sheet: string) {
    const cells = [...wb.sheet(sheet)!.cells].filter(([, v]) => typeof v === "string" && v.includes("IBN."));
    const local = wb.counts.rangeWrites.filter((w) => w.property === "formulasLocal");
    return { cells, local };
  }

  it("nl-NL: the percentages are written through formulasLocal with IBN.PLAATSINGSPERCENTAGE, ALS, OF and semicolons; totals stay en-US", async () => {
    const wb = officeWorkbook();
    const written = await asOffice("nl-NL", () => writePlan(wb.context, addinPlan()));
    const sheet = written.sheets[0];
    const { cells, local } = ibnCells(wb, sheet);
    assert.ok(cells.length > 50, `${cells.length} IBN cells`);
    assert.equal(local.length, 1, "one formulasLocal write for the block");
    for (const [, f] of cells) {
      assert.match(String(f), /^=ALS\(OF\(.*IBN\.PLAATSINGSPERCENTAGE\([A-Z]+\d+;[A-Z]+\d+\)\)$/);
      assert.ok(!String(f).includes("PLACEMENT_RATE") && !String(f).includes(","));
    }
    const sums = [...wb.sheet(sheet)!.cells.values()].filter((v) => typeof v === "string" && v.startsWith("=SUM("));
    assert.ok(sums.length > 0, "totals written as native en-US formulas");
  });

  it("nl-NL with ExcelApi 1.11: Excel's decimal separator read in the writer's first sync (no extra round trip)", async () => {
    let loaded = "";
    const application = {
      load(p: string) {
        loaded = p;
        return this;
      },
      decimalSeparator: ".",
    };
    const context = { workbook: { application } } as unknown as Excel.RequestContext;
    const locale = await asOffice("nl-NL", async () => loadFormulaLocale(context, addinPlan()), true);
    assert.equal(loaded, "decimalSeparator");
    assert.deepEqual(locale(), { language: "nl", decimal: ".", list: "," });
    const wb = officeWorkbook();
    const native = await asOffice("nl-NL", async () =>
      loadFormulaLocale(wb.context, buildEvaluationPlan(EVALUATION_TABLES)),
    );
    assert.equal(native(), undefined, "no IBN formula: nothing to read");
  });

  it("en-US: IBN.PLACEMENT_RATE through formulas, no formulasLocal", async () => {
    const wb = officeWorkbook();
    const written = await asOffice("en-US", () => writePlan(wb.context, addinPlan()));
    const { cells, local } = ibnCells(wb, written.sheets[0]);
    assert.equal(local.length, 0);
    assert.ok(cells.length > 50 && cells.every(([, f]) => String(f).includes("IBN.PLACEMENT_RATE(")));
  });

  it("nl-NL, native formulas (the default): nothing localized, the same syncs as in English", async () => {
    const syncs: number[] = [];
    for (const lang of ["nl-NL", "en-US"]) {
      const wb = officeWorkbook();
      await asOffice(lang, () => writePlan(wb.context, buildEvaluationPlan(EVALUATION_TABLES)));
      assert.equal(wb.counts.rangeWrites.filter((w) => w.property === "formulasLocal").length, 0);
      syncs.push(wb.counts.syncs);
    }
    assert.equal(syncs[0], syncs[1]);
  });

  it("nl-NL, Insert here (onto an existing sheet at the selection): the same Dutch percentages", async () => {
    const wb = officeWorkbook({ sheets: { Blad1: {} }, selection: "Blad1!C3" });
    const plan = buildEvaluationPlan(EVALUATION_TABLES.slice(0, 1), { formulas: "addin", charts: false });
    await asOffice("nl-NL", () => writeAtSelection(wb.context, plan));
    const { cells, local } = ibnCells(wb, "Blad1");
    assert.equal(local.length, 1);
    assert.ok(cells.length > 10);
    assert.ok(
      cells.every(([, f]) => /^=ALS\(OF\(.*IBN\.PLAATSINGSPERCENTAGE\([A-Z]+\d+;[A-Z]+\d+\)\)$/.test(String(f))),
    );
  });
});
