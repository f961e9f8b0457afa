// The values the ExcelJS writer caches beside every formula (computed by the core,
// src/core/plan/evaluate.ts) against LibreOffice's own recalculation of the same file: EVERY formula
// cell of the proposal and of the evaluation templates (single sheet, municipality, region with
// its SUMIF mapping), and of random proposals and randomly filled templates, equal to 15
// significant digits (npm test only; the evaluator's own rules: test/unit/evaluate.test.ts).
import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import {
  buildEvaluationPlan,
  buildEvaluationTemplate,
  EVALUATION_TABLES,
  parsePeriod,
} from "../../src/core/evaluation";
import { renamePlan } from "../../src/core/plan/rename";
import type { WorkbookPlan } from "../../src/core/plan/types";
import { buildProposalPlan, PUBLISHED_2023_2024 } from "../../src/core/proposal";
import { readWorkbook } from "../../src/writers/xlsxReader";
import { writePlanToXlsx } from "../../src/writers/xlsxWriter";
import { recalculate, requireLibreOffice } from "../support/libreoffice";
import { bigInput } from "../support/proposalInputs";
import { fillInputs, sameValue } from "../support/cachedValues";

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ibn-cached-"));

/** Several plans in one workbook (one LibreOffice run), each under its own sheet suffix and name prefix. */
function merged(plans: WorkbookPlan[]): WorkbookPlan {
  const out: WorkbookPlan = { sheets: [], names: [], charts: [] };
  plans.forEach((plan, k) => {
    const r = renamePlan(plan, { sheetSuffix: ` ${k + 1}`, namePrefix: `ibn${k + 1}_` });
    out.sheets.push(...r.sheets);
    out.names.push(...r.names);
  });
  return out;
}

/** Writes the plan, recalculates it in LibreOffice, and lists every formula cell whose values differ. */
async function compare(plan: WorkbookPlan, name: string): Promise<{ formulas: number; differences: string[] }> {
  const file = path.join(tmp, `${name}.xlsx`);
  await writePlanToXlsx(plan, file);
  const cached = await readWorkbook(file);
  assert.equal(cached.uncalculated, 0, "every formula cell carries a value");
  const recalculated = await readWorkbook(await recalculate(file));
  const differences: string[] = [];
  let formulas = 0;
  for (const [sheet, content] of cached.sheets) {
    const lo = recalculated.sheets.get(sheet);
    assert.ok(lo, `sheet ${sheet} missing after recalculation`);
    content.formulas.forEach((row, r) =>
      row?.forEach((isFormula, c) => {
        if (!isFormula) return;
        formulas++;
        const mine = content.values[r]?.[c] ?? null;
        const theirs = lo.values[r]?.[c] ?? null;
        if (!sameValue(mine, theirs))
          differences.push(`${sheet}!R${r + 1}C${c + 1}: cached ${mine}, LibreOffice ${theirs}`);
      }),
    );
  }
  return { formulas, differences };
}

const assertSame = ({ formulas, differences }: { formulas: number; differences: string[] }, least: number) => {
  assert.ok(formulas >= least, `${formulas} formula cells compared`);
  assert.deepEqual(differences.slice(0, 20), [], `${differences.length} of ${formulas} formula cells differ`);
};

describe("cached formula values equal LibreOffice's recalculation", function () {
  this.timeout(600_000);
  before(function () {
    requireLibreOffice(this);
  });

  it("the published proposal (Dutch) and the same in English: every formula cell", async () => {
    const plans = [buildProposalPlan(PUBLISHED_2023_2024, "nl"), buildProposalPlan(PUBLISHED_2023_2024, "en")];
    assertSame(await compare(merged(plans), "proposal"), 600);
  });

  it("the evaluation templates: blank, the published example, one municipality, a region with its mapping", async () => {
    const plans: WorkbookPlan[] = [
      buildEvaluationPlan(EVALUATION_TABLES),
      buildEvaluationTemplate({ period: parsePeriod("2025"), content: "blank" }),
      buildEvaluationTemplate({ period: parsePeriod("2023"), content: "example" }),
      buildEvaluationTemplate({
        period: parsePeriod("2023"),
        scope: { kind: "municipality", name: "Oss" },
        content: "example",
      }),
      buildEvaluationTemplate({ period: parsePeriod("2024Q3"), scope: { kind: "region" } }),
    ];
    // The region's sheets refer to each other by name: it keeps its own names (the others are renamed).
    const [region, ...rest] = [plans[4], ...plans.slice(0, 4)];
    assertSame(await compare(region, "region"), 1000);
    assertSame(await compare(merged(rest), "templates"), 800);
  });

  it("random proposals and randomly filled templates (bounded: 8 proposals, 4 templates)", async () => {
    const cases = fc.sample(
      fc.record({
        municipalities: fc.integer({ min: 1, max: 12 }),
        years: fc.integer({ min: 1, max: 4 }),
        seed: fc.integer({ min: 1, max: 1e6 }),
        extra: fc.integer({ min: -2e5, max: 5e6 }),
        cents: fc.boolean(),
      }),
      { numRuns: 8, seed: 20261203 },
    );
    const proposals = cases.map(({ municipalities, years, seed, extra, cents }) => {
      const p = bigInput(municipalities, years);
      p.costLines[0].amount += extra + (cents ? 0.37 : 0);
      p.municipalities.forEach(
        (m, i) =>
          (m.pBudgets = m.pBudgets.map((b, j) => ((b * ((seed % 89) + i + j)) % 3_500_000) + (i === 0 ? 1 : 0))),
      );
      return buildProposalPlan(p);
    });
    const templates = [1, 2, 3, 4].map((seed) =>
      fillInputs(buildEvaluationTemplate({ period: parsePeriod("2025"), content: "blank" }), seed),
    );
    assertSame(await compare(merged([...proposals, ...templates]), "random"), 1000);
  });
});
