// The Samenvatting sheet (issue 16): one A4 page for the council, native formulas over the other
// sheets. From the top: the title, the date it was generated and the version of the inputs (both
// constants); the lump sum per year with its change, per PW fte and as % of the P-budgets (the
// previous period's years beside the proposal's); the quasi-in-house verdict in one line; a column
// chart of the lump sum per year; and per municipality its contribution per proposal year, its % of
// the P-budget, and its average per year against the previous period's ("—" without one). It prints
// upright on exactly one page (fit to one page wide and tall; with many municipalities it shrinks).
import { address, rangeAddress } from "../plan/a1";
import { SheetBuilder } from "../plan/sheetBuilder";
import { NUMBER_FORMATS as F, type PlanChart, type PlanSheet } from "../plan/types";
import { contributionRef, excelDate, spanFormula, type CouncilRefs, type CouncilStamp } from "./councilRefs";
import { spanOf } from "./cycleRefs";
import type { Labels } from "./labels";
import type { ProposalInput } from "./types";

export interface SummarySheet {
  sheet: PlanSheet;
  chart: PlanChart;
  keys: {
    /** The generation date (an Excel date serial) and the input version, constants. */
    date: string;
    version: string;
    /** Rows over the allocation years: the lump sum (whole euros), its change, per PW fte, % of P-budget. */
    lumpSum: string;
    lumpSumChange: string;
    perFte: string;
    pctOfBudget: string;
    /** The quasi-in-house verdict, e.g. "Voldoet: 87.9 % > 80 %". */
    verdict: string;
    /** Municipalities × proposal years. */
    contribution: string;
    pctOfBudgetByMunicipality: string;
    /** Municipalities × 4: previous period's average per year, this period's, the change, the change in %. */
    comparison: string;
    /** The total row: contributions per proposal year, % per year, then the four comparison cells. */
    total: string;
  };
}

export function buildSummarySheet(p: ProposalInput, refs: CouncilRefs, stamp: CouncilStamp, t: Labels): SummarySheet {
  const s = new SheetBuilder(t.sheets.summary);
  const inp = refs.inputs;
  const n = p.years.length;
  const prevN = inp.prevYear.length;
  const N = prevN + n;
  const M = p.municipalities.length;

  s.formula(0, 0, `"${t.summaryTitle} "&${spanFormula(inp.year)}`, undefined, "title");
  s.label(1, 0, t.generatedOn).set(1, 1, { value: excelDate(stamp.date), format: t.dateFormat, style: "label" });
  s.label(2, 0, t.inputVersion).set(2, 1, { value: stamp.version, style: "label" });

  // 1. The lump sum per allocation year: the previous period's, then the proposal's.
  const L = { title: 4, group: 5, head: 6, fee: 7, change: 8, perFte: 9, pct: 10 };
  s.label(L.title, 0, t.lumpSumPerYear, "title");
  s.labels(L.group, 0, [""]).labels(L.head, 0, [""]);
  if (prevN) s.labels(L.group, 1, [t.previous]).centreHeading(L.group, 1, prevN);
  s.labels(L.group, 1 + prevN, [t.proposalPeriod]).centreHeading(L.group, 1 + prevN, n);
  s.label(L.fee, 0, t.lumpSumFee, "total").label(L.change, 0, t.changeFromPreviousYear);
  s.label(L.perFte, 0, t.perFte).label(L.pct, 0, t.pctOfBudget);
  for (let j = 0; j < N; j++) {
    const c = 1 + j;
    s.formula(L.head, c, inp.allocYear[j], F.year, "header");
    s.formula(L.fee, c, refs.fee[j], F.euro, "total");
    if (j > 0) s.formula(L.change, c, `${s.at(L.fee, c)}-${s.at(L.fee, c - 1)}`, F.euro);
    s.formula(L.perFte, c, refs.perFte[j], F.euro);
    s.formula(L.pct, c, refs.pctOfBudget[j], F.pct1);
  }

  // 2. The quasi-in-house verdict in words: "Voldoet: 87.9 % > 80 %".
  const verdictRow = L.pct + 2;
  const pct = (ref: string) => `ROUND(${ref}*100,1)&" %"`;
  s.label(verdictRow, 0, t.quasiTitle, "total");
  s.formula(
    verdictRow,
    1,
    `${refs.quasiResult}&": "&${pct(refs.quasiPct)}&IF(${refs.quasiPct}>${refs.quasiThreshold}," > "," ≤ ")&${pct(refs.quasiThreshold)}`,
    undefined,
    "total",
  );

  // 3. The chart: the lump sum per year.
  const chartTop = verdictRow + 2;
  const chartRows = 15;
  const chart: PlanChart = {
    sheet: s.name,
    title: t.lumpSumPerYear,
    type: "columnClustered",
    categories: s.ref(L.head, 1, 1, N),
    series: [{ name: t.lumpSumRow, values: s.ref(L.fee, 1, 1, N) }],
    from: address(chartTop, 0),
    to: address(chartTop + chartRows, Math.max(4, Math.min(N + 1, 6))),
  };

  // 4. Per municipality: contribution and % of P-budget per proposal year, the period compared.
  const mTitle = chartTop + chartRows + 2;
  const mGroup = mTitle + 1;
  const mHead = mTitle + 2;
  const r0 = mTitle + 3;
  const rTot = r0 + M;
  const colC = (k: number) => 1 + k; // contribution, proposal year k
  const colP = (k: number) => 1 + n + k; // % of P-budget, proposal year k
  const colV = 1 + 2 * n; // comparison: previous average, this average, change, change %
  s.label(mTitle, 0, t.contributionPerMunicipality, "title");
  s.labels(mGroup, 0, [""]).labels(mGroup, colC(0), [t.contribution]).labels(mGroup, colP(0), [t.pctOfBudgetShort]);
  s.labels(mGroup, colV, [t.averagePerYear]);
  s.centreHeading(mGroup, colC(0), n).centreHeading(mGroup, colP(0), n).centreHeading(mGroup, colV, 4);
  s.labels(mHead, 0, [t.municipality]);
  for (let k = 0; k < n; k++) {
    s.formula(mHead, colC(k), inp.year[k], F.year, "header");
    s.formula(mHead, colP(k), inp.year[k], F.year, "header");
  }
  if (prevN) s.formula(mHead, colV, spanFormula(inp.prevYear), undefined, "header");
  else s.labels(mHead, colV, [t.previous]);
  s.formula(mHead, colV + 1, spanFormula(inp.year), undefined, "header");
  s.labels(mHead, colV + 2, [t.changeAmount, t.changePctShort]);

  const comparison = (r: number, previous: string | undefined, style: "calc" | "total") => {
    const [before, now, change] = [s.at(r, colV), s.at(r, colV + 1), s.at(r, colV + 2)];
    s.formula(r, colV + 1, `AVERAGE(${rangeAddress(r, colC(0), 1, n)})`, F.euro, style);
    if (previous === undefined) {
      // No previous period: a dash, never an error.
      for (const c of [colV, colV + 2, colV + 3]) s.set(r, c, { value: t.noPrevious, style });
      return;
    }
    s.formula(r, colV, previous, F.euro, style);
    s.formula(r, colV + 2, `${now}-${before}`, F.euro, style);
    s.formula(r, colV + 3, `IF(${before}=0,"${t.noPrevious}",${change}/${before})`, F.pct1, style);
  };
  for (let i = 0; i < M; i++) {
    const r = r0 + i;
    s.formula(r, 0, inp.municipality[i], undefined, "label");
    for (let k = 0; k < n; k++) {
      const budget = inp.pBudget[i][prevN + k];
      s.formula(r, colC(k), contributionRef(refs, i, prevN + k), F.euro);
      s.formula(r, colP(k), `IF(${budget}=0,"",${s.at(r, colC(k))}/${budget})`, F.pct1);
    }
    const previous = Array.from({ length: prevN }, (_, j) => contributionRef(refs, i, j));
    comparison(r, prevN ? `(${previous.join("+")})/${prevN}` : undefined, "calc");
  }
  s.label(rTot, 0, t.total, "total");
  for (let k = 0; k < n; k++) {
    const budgets = `SUM(${spanOf(inp.pBudget[0][prevN + k], inp.pBudget[M - 1][prevN + k])})`;
    s.formula(rTot, colC(k), `SUM(${rangeAddress(r0, colC(k), M, 1)})`, F.euro, "total");
    s.formula(rTot, colP(k), `IF(${budgets}=0,"",${s.at(rTot, colC(k))}/${budgets})`, F.pct1, "total");
  }
  comparison(rTot, prevN ? `SUM(${rangeAddress(r0, colV, M, 1)})` : undefined, "total");

  // Value columns 12 characters wide; the comparison's four (headers such as "Verandering %") 13.
  const widths = [32, ...Array.from({ length: Math.max(N, colV + 3) }, (_, k) => (k + 1 >= colV ? 13 : 12))];
  return {
    sheet: s.columnWidths(widths).build(),
    chart,
    keys: {
      date: s.ref(1, 1),
      version: s.ref(2, 1),
      lumpSum: s.ref(L.fee, 1, 1, N),
      lumpSumChange: s.ref(L.change, 1, 1, N),
      perFte: s.ref(L.perFte, 1, 1, N),
      pctOfBudget: s.ref(L.pct, 1, 1, N),
      verdict: s.ref(verdictRow, 1),
      contribution: s.ref(r0, colC(0), M, n),
      pctOfBudgetByMunicipality: s.ref(r0, colP(0), M, n),
      comparison: s.ref(r0, colV, M, 4),
      total: s.ref(rTot, 1, 1, colV + 3),
    },
  };
}
