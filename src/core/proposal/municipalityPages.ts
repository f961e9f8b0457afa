// The Per gemeente sheet (issue 16): one printed page per municipality, for its own council. Each
// page, in native formulas over the other sheets: the title with its name, the date and the input
// version; per allocation year (the previous period's, then the proposal's) its contribution, its
// P-budget, the contribution as % of the P-budget and the change from the year before (amount and
// %); and its average contribution per year against the previous period's. One sheet with a manual
// page break above every municipality but the first, so it grows linearly: 400 municipalities are
// 400 blocks of N + 11 rows, never a sheet each.
import { rangeAddress } from "../plan/a1";
import { SheetBuilder } from "../plan/sheetBuilder";
import { NUMBER_FORMATS as F, type PlanSheet } from "../plan/types";
import { contributionRef, excelDate, spanFormula, type CouncilRefs, type CouncilStamp } from "./councilRefs";
import type { Labels } from "./labels";
import type { ProposalInput } from "./types";

/**
 * A section of a municipality's own page, below its contributions: it writes its rows from `top`
 * and returns how many it used. The hook for the evaluation per municipality (its own results),
 * once that exists; today no section is passed.
 */
export type MunicipalitySection = (s: SheetBuilder, municipality: number, top: number) => number;

export interface MunicipalityPages {
  sheet: PlanSheet;
  /** Zero-based first row of each municipality's page: the page breaks are above all but the first. */
  pageStarts: number[];
  keys: {
    /** Per municipality: allocation years × 7 (year, period, contribution, P-budget, %, change, change %). */
    pages: string[];
    /** Per municipality: the four comparison cells (previous average, this average, change, change %). */
    comparisons: string[];
  };
}

export function buildMunicipalityPages(
  p: ProposalInput,
  refs: CouncilRefs,
  stamp: CouncilStamp,
  t: Labels,
  sections: MunicipalitySection[] = [],
): MunicipalityPages {
  const s = new SheetBuilder(t.sheets.perMunicipality);
  const inp = refs.inputs;
  const n = p.years.length;
  const prevN = inp.prevYear.length;
  const N = prevN + n;
  const date = excelDate(stamp.date);
  const pageStarts: number[] = [];
  const pages: string[] = [];
  const comparisons: string[] = [];
  const C = { year: 0, period: 1, amount: 2, budget: 3, pct: 4, change: 5, changePct: 6 };

  let top = 0;
  p.municipalities.forEach((_, i) => {
    pageStarts.push(top);
    s.formula(top, 0, `"${t.municipalityTitle} "&${inp.municipality[i]}`, undefined, "title");
    s.formula(top + 1, 0, `"${t.proposalTitle} "&${spanFormula(inp.year)}`, undefined, "note");
    s.label(top + 2, 0, t.generatedOn).set(top + 2, 1, { value: date, format: t.dateFormat, style: "label" });
    s.label(top + 3, 0, t.inputVersion).set(top + 3, 1, { value: stamp.version, style: "label" });

    // Per allocation year.
    const head = top + 5;
    const r0 = head + 1;
    s.labels(head, 0, [
      t.year,
      t.period,
      t.contribution,
      t.pBudget,
      t.pctOfBudgetShort,
      t.changeAmount,
      t.changePctShort,
    ]);
    for (let j = 0; j < N; j++) {
      const r = r0 + j;
      const [amount, budget] = [s.at(r, C.amount), s.at(r, C.budget)];
      s.formula(r, C.year, inp.allocYear[j], F.year, "label");
      s.label(r, C.period, j < prevN ? t.previous : t.proposalPeriod);
      s.formula(r, C.amount, contributionRef(refs, i, j), F.euro, j < prevN ? "calc" : "total");
      s.formula(r, C.budget, inp.pBudget[i][j], F.euro);
      s.formula(r, C.pct, `IF(${budget}=0,"",${amount}/${budget})`, F.pct1);
      if (j === 0) continue;
      const before = s.at(r - 1, C.amount);
      s.formula(r, C.change, `${amount}-${before}`, F.euro);
      s.formula(r, C.changePct, `IF(${before}=0,"",${amount}/${before}-1)`, F.pct1);
    }
    pages.push(s.ref(r0, 0, N, 7));

    // Its average per year against the previous period's ("—" without one).
    const cTitle = r0 + N + 1;
    const cHead = cTitle + 1;
    const cRow = cTitle + 2;
    s.label(cTitle, 0, t.periodComparison, "total");
    s.labels(cHead, 0, [""]).labels(cHead, C.amount + 1, [t.changeAmount, t.changePctShort]);
    if (prevN) s.formula(cHead, C.period, spanFormula(inp.prevYear), undefined, "header");
    else s.labels(cHead, C.period, [t.previous]);
    s.formula(cHead, C.amount, spanFormula(inp.year), undefined, "header");
    s.label(cRow, 0, t.averagePerYear);
    const [before, now] = [s.at(cRow, C.period), s.at(cRow, C.amount)];
    s.formula(cRow, C.amount, `AVERAGE(${rangeAddress(r0 + prevN, C.amount, n, 1)})`, F.euro);
    if (prevN) {
      s.formula(cRow, C.period, `AVERAGE(${rangeAddress(r0, C.amount, prevN, 1)})`, F.euro);
      s.formula(cRow, C.amount + 1, `${now}-${before}`, F.euro);
      s.formula(cRow, C.amount + 2, `IF(${before}=0,"${t.noPrevious}",${now}/${before}-1)`, F.pct1);
    } else {
      for (const c of [C.period, C.amount + 1, C.amount + 2]) s.set(cRow, c, { value: t.noPrevious, style: "calc" });
    }
    comparisons.push(s.ref(cRow, C.period, 1, 4));

    // Its own results (the evaluation per municipality) go below, once they exist.
    let next = cRow + 1;
    for (const section of sections) next += 1 + section(s, i, next + 1);
    top = next + 1;
  });

  return {
    sheet: s.columnWidths([19, 16, 14, 14, 15, 14, 14]).build(),
    pageStarts,
    keys: { pages, comparisons },
  };
}
