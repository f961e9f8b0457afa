// Builds the proposal workbook plan: six sheets of native Excel formulas (no custom functions), so the
// workbook recalculates in Excel 2016+, Excel on the web and LibreOffice, with or without the add-in.
import { address, rangeAddress } from "../plan/a1";
import { documentProperties, printSheets, proposalPrint } from "../plan/print";
import { SheetBuilder } from "../plan/sheetBuilder";
import { NUMBER_FORMATS as F, type PlanChart, type PlanName, type WorkbookPlan } from "../plan/types";
import { validateProposalInput, type DraftProposalInput, type ProposalInput } from "./input";
import { writeAllocationYear } from "./allocationFormulas";
import { buildInputs, scenarioLabelsOf, type InputRefs } from "./inputsSheet";
import { inputsPrint, withSources } from "./sourcesSheet";
import type { Language } from "../language";
import { LABELS, type Labels } from "./labels";
import { buildChangesSheet } from "./changesSheet";
import { cellsOf } from "./cycleRefs";
import { buildRealisedSheet } from "./realisedSheet";
import { buildReconciliationSheet } from "./reconciliationSheet";
import { todayIso, type CouncilRefs } from "./councilRefs";
import { inputVersion } from "./inputVersion";
import { buildMunicipalityPages } from "./municipalityPages";
import { buildSummarySheet } from "./summarySheet";
import { SCENARIO_LABELS } from "./scenarioLabels";
import { buildScenarioSheet } from "./scenarioSheet";

function buildOccupancy(refs: InputRefs, t: Labels, n: number) {
  const s = new SheetBuilder(t.sheets.occupancy);
  s.label(0, 0, t.occupancyTitle, "title");
  s.labels(2, 0, [t.occupancyTitle]).formula(2, 1, refs.baseYear, F.year, "header");
  refs.year.forEach((y, j) => s.formula(2, 2 + j, y, F.year, "header"));
  s.label(3, 0, t.wsw)
    .label(4, 0, t.pw)
    .label(5, 0, t.occupancyTotal, "total")
    .label(6, 0, t.change)
    .label(7, 0, t.changePct);
  for (let j = 0; j <= n; j++) {
    const c = 1 + j;
    s.formula(3, c, refs.wsw[j], F.fte).formula(4, c, refs.pw[j], F.fte);
    s.formula(5, c, `${s.at(3, c)}+${s.at(4, c)}`, F.fte, "total");
    if (j > 0) {
      s.formula(6, c, `${s.at(5, c)}-${s.at(5, c - 1)}`, F.fte);
      s.formula(7, c, `${s.at(6, c)}/${s.at(5, c - 1)}`, F.pct1);
    }
  }
  const cols = Array.from({ length: n + 1 }, (_, j) => 1 + j);
  return {
    sheet: s.columnWidths([36, ...cols.map(() => 14)]).build(),
    total: cols.map((c) => s.ref(5, c)),
    wsw: cols.map((c) => s.ref(3, c)),
    pw: cols.map((c) => s.ref(4, c)),
    totalRow: s.ref(5, 1, 1, n + 1),
  };
}

function buildExtraCosts(refs: InputRefs, occTotal: string[], t: Labels, n: number) {
  const s = new SheetBuilder(t.sheets.extraCosts);
  s.label(0, 0, t.extraCostsTitle, "title").label(1, 0, t.scaledNote, "note");
  s.labels(3, 0, [t.costLine]).formula(3, 1, refs.baseYear, F.year, "header");
  refs.year.forEach((y, j) => s.formula(3, 2 + j, y, F.year, "header"));
  // Every year column scales the base-year column by occupancy: base × fte(year) / fte(base), and
  // indexes it: × (1 + cost indexation)^(years after the base year), 1 by default (issue 16).
  const scaled = (row: number, j: number) =>
    `$B${row + 1}*${occTotal[j + 1]}/${occTotal[0]}*(1+${refs.model.costIndexation})^${j + 1}`;
  const L = refs.costAmount.length;
  refs.costAmount.forEach((amount, i) => {
    s.formula(4 + i, 0, refs.costLabel[i], undefined, "label").formula(4 + i, 1, amount, F.euro);
    for (let j = 0; j < n; j++) s.formula(4 + i, 2 + j, scaled(4 + i, j), F.euro);
  });
  const tot = 4 + L;
  const spec = tot + 1;
  const pwWsw = tot + 2;
  s.label(tot, 0, t.infraCosts, "total").label(spec, 0, t.specificCosts).label(pwWsw, 0, t.costsPwWsw, "total");
  s.formula(spec, 1, refs.specificPw, F.euro);
  for (let c = 1; c <= n + 1; c++) {
    s.formula(tot, c, `SUM(${rangeAddress(4, c, L, 1)})`, F.euro, "total");
    if (c > 1) s.formula(spec, c, scaled(spec, c - 2), F.euro);
    s.formula(pwWsw, c, `${s.at(tot, c)}-${s.at(spec, c)}`, F.euro, "total");
  }
  const years = Array.from({ length: n }, (_, j) => 2 + j);
  return {
    sheet: s
      .columnWidths([40, ...Array(n + 1).fill(15)])
      .freeze(4, 1)
      .build(),
    pwWsw: years.map((c) => s.ref(pwWsw, c)),
    specific: years.map((c) => s.ref(spec, c)),
    infra: years.map((c) => s.ref(tot, c)),
    baseTotal: s.ref(tot, 1),
  };
}

function buildLumpSum(
  refs: InputRefs,
  occ: ReturnType<typeof buildOccupancy>,
  costs: ReturnType<typeof buildExtraCosts>,
  t: Labels,
  n: number,
) {
  const s = new SheetBuilder(t.sheets.lumpSum);
  s.label(0, 0, t.lumpSumTitle, "title");
  s.labels(2, 0, [t.lumpSumTitle]);
  refs.year.forEach((y, j) => s.formula(2, 1 + j, y, F.year, "header"));
  // The Controle row last, below the comparison and a blank row: on screen, not printed (issue 17).
  const rows = { pwWsw: 3, share: 4, amount: 5, specific: 6, effect: 7, total: 8, check: 18 };
  s.label(rows.pwWsw, 0, t.costsPwWsw).label(rows.share, 0, t.pwShare).label(rows.amount, 0, t.amount);
  s.label(rows.specific, 0, t.specificCosts).label(rows.effect, 0, t.effect).label(rows.total, 0, t.lumpSum, "total");
  s.label(rows.check, 0, `${t.check}: ${t.checkNotNegative}`, "check");
  const { placements, share, uplift, average, applies } = refs.tw;
  for (let j = 0; j < n; j++) {
    const c = 1 + j;
    s.formula(rows.pwWsw, c, costs.pwWsw[j], F.euro);
    s.formula(rows.share, c, `${occ.pw[j + 1]}/${occ.total[j + 1]}`, F.pct0);
    s.formula(rows.amount, c, `${s.at(rows.pwWsw, c)}*${s.at(rows.share, c)}`, F.euro);
    s.formula(rows.specific, c, costs.specific[j], F.euro);
    s.formula(rows.effect, c, `-${applies[j]}*${placements}*${share}*${uplift}*${average}`, F.euro);
    s.formula(
      rows.total,
      c,
      `${s.at(rows.amount, c)}+${s.at(rows.specific, c)}+${s.at(rows.effect, c)}`,
      F.euro,
      "total",
    );
    // A lump sum never goes negative: an effect larger than the lump sum is a mistyped input.
    s.formula(rows.check, c, `IF(${s.at(rows.total, c)}>=0,"${t.ok}","${t.negative}")`, undefined, "check");
  }

  // Comparison with the previous period: the fee in whole euros, occupancy and the fee per PW fte.
  const cmp = { title: 10, header: 11, fee: 12, wsw: 13, pw: 14, total: 15, perFte: 16 };
  const prevN = refs.prev.lumpSum.length;
  s.label(cmp.title, 0, t.comparisonTitle, "title");
  s.labels(cmp.header, 0, [""]);
  refs.allocYear.forEach((y, j) => s.formula(cmp.header, 1 + j, y, F.year, "header"));
  s.label(cmp.fee, 0, t.lumpSumFee).label(cmp.wsw, 0, t.wsw).label(cmp.pw, 0, t.pw);
  s.label(cmp.total, 0, t.totalEmployed, "total").label(cmp.perFte, 0, t.perFte);
  const fee: string[] = [];
  const cmpCells = (row: number) => refs.allocYear.map((_, j) => s.ref(row, 1 + j));
  refs.allocYear.forEach((_, j) => {
    const c = 1 + j;
    const k = j - prevN; // proposal-year index, negative for the previous period
    s.formula(cmp.fee, c, k < 0 ? refs.prev.lumpSum[j] : `ROUND(${s.at(rows.total, 1 + k)},0)`, F.euro);
    s.formula(cmp.wsw, c, k < 0 ? refs.prev.wsw[j] : occ.wsw[k + 1], F.fte);
    s.formula(cmp.pw, c, k < 0 ? refs.prev.pw[j] : occ.pw[k + 1], F.fte);
    s.formula(cmp.total, c, `${s.at(cmp.wsw, c)}+${s.at(cmp.pw, c)}`, F.fte, "total");
    // A year without PW fte has no lump sum per PW fte (the core's null), not #DIV/0!.
    s.formula(cmp.perFte, c, `IF(${s.at(cmp.pw, c)}=0,"",${s.at(cmp.fee, c)}/${s.at(cmp.pw, c)})`, F.euro);
    fee.push(s.ref(cmp.fee, c));
  });
  return {
    sheet: s
      .columnWidths([36, ...Array(Math.max(n, refs.allocYear.length)).fill(15)])
      .freeze(0, 1)
      .screenOnly(rows.check)
      .build(),
    lumpSum: s.ref(rows.total, 1, 1, n),
    check: s.ref(rows.check, 1, 1, n),
    fee,
    feeRow: s.ref(cmp.fee, 1, 1, refs.allocYear.length),
    /** Per proposal year: the PW amount and the effect row; per allocation year: Wsw, PW, per PW fte. */
    pwAmount: Array.from({ length: n }, (_, j) => s.ref(rows.amount, 1 + j)),
    effect: Array.from({ length: n }, (_, j) => s.ref(rows.effect, 1 + j)),
    cmpWsw: cmpCells(cmp.wsw),
    cmpPw: cmpCells(cmp.pw),
    perFte: cmpCells(cmp.perFte),
  };
}

function buildAllocation(refs: InputRefs, fee: string[], t: Labels, p: ProposalInput) {
  const s = new SheetBuilder(t.sheets.allocation);
  const st = scenarioLabelsOf(t);
  const N = refs.allocYear.length;
  const M = refs.municipality.length;
  const colB = (j: number) => 1 + j; // P-budget
  const colS = (j: number) => 1 + N + j; // share
  const colA = (j: number) => 1 + 2 * N + j; // allocated amount
  const colX = (j: number) => 2 + 3 * N + 2 * j; // helper: remainder of the exact share, in whole units
  const colR = (j: number) => colX(j) + 1; // helper: rank of the remainder
  const r0 = 4;
  const rTot = r0 + M;
  const rFee = rTot + 1;
  const rPct = rTot + 2;
  // The chart under the table; the helper and Controle rows below it: on screen, not printed (issue 17).
  const chartTop = rPct + 2;
  const rLeft = chartTop + 20;
  const rCheck = rLeft + 1;

  s.label(0, 0, t.allocationTitle, "title");
  s.labels(2, 0, [""]).labels(2, colB(0), [t.pBudget]).labels(2, colS(0), [t.share]).labels(2, colA(0), [t.fee]);
  s.labels(2, colX(0), [t.helpers]);
  for (const col of [colB(0), colS(0), colA(0)]) s.centreHeading(2, col, N);
  s.centreHeading(2, colX(0), 2 * N).screenOnly(rLeft, rCheck);
  s.labels(3, 0, [t.municipality]);
  for (let j = 0; j < N; j++) {
    for (const c of [colS(j), colA(j)]) s.formula(3, c, refs.allocYear[j], F.year, "header");
    // Estimated P-budgets say so in their year's header, live with the flag on the input sheet (issue 16).
    const flag = refs.model.estimated[j];
    const year = refs.allocYear[j];
    s.formula(3, colB(j), flag ? `IF(${flag}=1,${year}&" (${st.estimated})",${year})` : year, F.year, "header");
    s.formula(3, colX(j), `"${t.exact} "&${refs.allocYear[j]}`, undefined, "header");
    s.formula(3, colR(j), `"${t.rank} "&${refs.allocYear[j]}`, undefined, "header");
  }
  s.label(rTot, 0, t.total, "total").label(rFee, 0, t.lumpSumRow).label(rPct, 0, t.pctOfBudget);
  s.label(rLeft, 0, t.leftover, "note").label(rCheck, 0, `${t.check}: ${t.checkSum}`, "check");

  for (let j = 0; j < N; j++) {
    const total = address(rTot, colB(j), true);
    const amount = address(rFee, colA(j), true);
    const flag = refs.model.estimated[j];
    for (let i = 0; i < M; i++) {
      // An estimated year: the year before's P-budget × (1 + growth) in whole euros (the core's
      // pBudgetMatrix); else the figure typed on the input sheet.
      const typed = refs.pBudget[i][j];
      const estimate = `ROUND(${address(r0 + i, colB(j - 1))}*(1+${refs.model.pBudgetGrowth}),0)`;
      s.formula(r0 + i, colB(j), flag ? `IF(${flag}=1,${estimate},${typed})` : typed, F.euro);
      s.formula(r0 + i, colS(j), `${address(r0 + i, colB(j))}/${total}`, F.pct0);
    }
    // Largest remainder on whole numbers (src/core/proposal/allocationFormulas.ts).
    writeAllocationYear(s, {
      r0,
      count: M,
      budget: colB(j),
      part: colA(j),
      remainder: colX(j),
      rank: colR(j),
      totalRow: rTot,
      feeRow: rFee,
      leftRow: rLeft,
    });
    s.formula(rTot, colB(j), `SUM(${rangeAddress(r0, colB(j), M, 1)})`, F.euro, "total");
    s.formula(rTot, colS(j), `SUM(${rangeAddress(r0, colS(j), M, 1)})`, F.pct0, "total");
    s.formula(rTot, colA(j), `SUM(${rangeAddress(r0, colA(j), M, 1)})`, F.euro, "total");
    s.formula(rFee, colA(j), fee[j], F.euro);
    s.formula(rPct, colA(j), `${amount}/${total}`, F.pct1);
    s.formula(
      rCheck,
      colA(j),
      `IF(${amount}<0,"${t.negative}",IF(${address(rTot, colA(j))}=ROUND(${amount},0),"${t.ok}","${t.diff}"))`,
      undefined,
      "check",
    );
  }
  for (let i = 0; i < M; i++) s.formula(r0 + i, 0, refs.municipality[i], undefined, "label");

  const prevN = p.previous?.years.length ?? 0;
  const chart: PlanChart = {
    sheet: s.name,
    title: t.chartTitle,
    type: "columnClustered",
    categories: s.ref(r0, 0, M, 1),
    series: refs.allocYear
      .slice(prevN)
      .map((_, k) => ({ name: String(p.years[k]), values: s.ref(r0, colA(prevN + k), M, 1) })),
    from: address(chartTop, 0),
    to: address(chartTop + 18, Math.min(colA(N - 1), 8)),
  };
  const widths = [24, ...Array(3 * N).fill(13), 3, ...Array(2 * N).fill(12)];
  return {
    sheet: s.columnWidths(widths).freeze(4, 1).build(),
    chart,
    allocation: s.ref(r0, colA(0), M, N),
    /** The lump sum as % of all P-budgets, per allocation year. */
    pct: Array.from({ length: N }, (_, j) => s.ref(rPct, colA(j))),
    /** The P-budgets allocated over, estimated years filled in: pBudget[i][j] (sheet-qualified cells). */
    pBudget: Array.from({ length: M }, (_, i) => Array.from({ length: N }, (_, j) => s.ref(r0 + i, colB(j)))),
    check: s.ref(rCheck, colA(0), 1, N),
    budgetTotal: Array.from({ length: N }, (_, j) => s.ref(rTot, colB(j))),
    allocationTotal: Array.from({ length: N }, (_, j) => s.ref(rTot, colA(j))),
    /** Printed: the municipality, P-budget, share and fee columns; the helper columns stay on screen. */
    printColumns: colA(N - 1) + 1,
  };
}

function buildQuasiInhouse(refs: InputRefs, t: Labels) {
  const s = new SheetBuilder(t.sheets.quasi);
  const K = refs.qiYear.length;
  const avg = 1 + K;
  s.label(0, 0, t.quasiTitle, "title");
  s.labels(2, 0, [`${t.average} (fte's)`]);
  refs.qiYear.forEach((y, k) => s.formula(2, 1 + k, y, F.year, "header"));
  s.labels(2, avg, [t.average]);
  const R = {
    wsw: 3,
    pw: 4,
    target: 5,
    attrStaff: 6,
    attrTotal: 7,
    pct: 8,
    nonAttr: 9,
    regular: 10,
    nonAttrTotal: 11,
    total: 12,
    threshold: 14,
    result: 15,
  };
  const labels: [number, string, "label" | "total"][] = [
    [R.wsw, t.wsw, "label"],
    [R.pw, t.pw, "label"],
    [R.target, t.targetGroup, "total"],
    [R.attrStaff, t.attributableStaff, "label"],
    [R.attrTotal, t.attributableTotal, "total"],
    [R.pct, t.pctOfTotal, "total"],
    [R.nonAttr, t.nonAttributableStaff, "label"],
    [R.regular, t.regularStaff, "label"],
    [R.nonAttrTotal, t.nonAttributableTotal, "total"],
    [R.total, t.total, "total"],
  ];
  labels.forEach(([row, text, style]) => s.label(row, 0, text, style));
  for (let k = 0; k < K; k++) {
    const c = 1 + k;
    const at = (row: number) => s.at(row, c);
    s.formula(R.wsw, c, refs.qi.wsw[k], F.integer).formula(R.pw, c, refs.qi.pw[k], F.integer);
    s.formula(R.target, c, `${at(R.wsw)}+${at(R.pw)}`, F.integer, "total");
    s.formula(R.attrStaff, c, refs.qi.attributable[k], F.integer);
    s.formula(R.attrTotal, c, `${at(R.target)}+${at(R.attrStaff)}`, F.integer, "total");
    s.formula(R.pct, c, `${at(R.attrTotal)}/${at(R.total)}`, F.pct1, "total");
    s.formula(R.nonAttr, c, refs.qi.nonAttributable[k], F.integer).formula(R.regular, c, refs.qi.regular[k], F.integer);
    s.formula(R.nonAttrTotal, c, `${at(R.nonAttr)}+${at(R.regular)}`, F.integer, "total");
    s.formula(R.total, c, `${at(R.attrTotal)}+${at(R.nonAttrTotal)}`, F.integer, "total");
  }
  // The test pools the years: all attributable fte over all fte, not the mean of the yearly percentages.
  const across = (row: number) => rangeAddress(row, 1, 1, K);
  s.formula(R.pct, avg, `SUM(${across(R.attrTotal)})/SUM(${across(R.total)})`, F.pct1, "total");
  s.label(R.threshold, 0, t.threshold).formula(R.threshold, 1, refs.qi.threshold, F.pct0);
  s.label(R.result, 0, t.result, "total");
  s.formula(
    R.result,
    1,
    `IF(${s.at(R.pct, avg)}>${s.at(R.threshold, 1)},"${t.passes}","${t.fails}")`,
    undefined,
    "check",
  );
  return {
    sheet: s.columnWidths([36, ...Array(K + 1).fill(12)]).build(),
    pct: s.ref(R.pct, avg),
    threshold: s.ref(R.threshold, 1),
    result: s.ref(R.result, 1),
    row: (key: "target" | "attrTotal" | "nonAttrTotal" | "total") => refs.qiYear.map((_, k) => s.ref(R[key], 1 + k)),
  };
}

/** Key cells of a built proposal, for the task pane's summary links and the tests. */
export interface ProposalPlan extends WorkbookPlan {
  keys: {
    lumpSum: string;
    /** The Controle row under the lump sums: OK, or NEGATIEF / NEGATIVE for a negative lump sum. */
    lumpSumCheck: string;
    fee: string;
    allocation: string;
    allocationCheck: string;
    quasiPct: string;
    quasiResult: string;
    occupancyTotal: string;
    /**
     * The cycle's sheets (issue 14), flat like the rest (renamePlan rewrites every key): the look-back
     * (`realised…`, when realised figures are given) and the changes explained (`changes…`).
     */
    [cycleKey: `realised${string}` | `changes${string}` | `scenario${string}`]: string;
  } & {
    /** The Aansluiting sheet's table (issue 16), when the input carries published figures. */
    [reconciliationKey: `reconciliation${string}`]: string;
    /** The council's pages (issue 16): the Samenvatting's figures (`summary…`, see SummarySheet's keys). */
    [summaryKey: `summary${string}`]: string;
  };
}

/** How a proposal plan is built beyond its input and language. */
export interface ProposalPlanOptions {
  /** The generation date the Samenvatting shows (ISO, "2026-12-03"); today by default. Tests pass their own. */
  date?: string;
  /** The Per gemeente sheet, a printed page per municipality (default true). */
  municipalityPages?: boolean;
}

/** { pwShareOfCosts: r } → { realisedPwShareOfCosts: r }, leaving out what a sheet does not have. */
function prefixed<P extends string>(prefix: P, keys: object | undefined): Record<`${P}${string}`, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(keys ?? {}))
    if (typeof v === "string") out[`${prefix}${k[0].toUpperCase()}${k.slice(1)}`] = v;
  return out as Record<`${P}${string}`, string>;
}

export function buildProposalPlan(
  input: ProposalInput,
  language: Language = "nl",
  inputsSheet?: string,
  options: ProposalPlanOptions = {},
): ProposalPlan {
  validateProposalInput(input);
  const base = LABELS[language];
  const t: Labels = inputsSheet ? { ...base, sheets: { ...base.sheets, inputs: inputsSheet } } : base;
  const n = input.years.length;
  const inputs = buildInputs(input, t);
  const names: PlanName[] = [...inputs.names];
  const occ = buildOccupancy(inputs.refs, t, n);
  const costs = buildExtraCosts(inputs.refs, occ.total, t, n);
  const lump = buildLumpSum(inputs.refs, occ, costs, t, n);
  const alloc = buildAllocation(inputs.refs, lump.fee, t, input);
  const quasi = buildQuasiInhouse(inputs.refs, t);
  // The two-year cycle (issue 14): Nacalculatie and Mutaties read the sheets above.
  const cycleRefs = {
    // The P-budgets as allocated (estimated years filled in), not the typed ones (issue 16).
    inputs: { ...inputs.refs, pBudget: alloc.pBudget },
    occTotal: occ.total,
    occPw: occ.pw,
    lumpTotal: cellsOf(lump.lumpSum)[0],
    fee: lump.fee,
    allocation: cellsOf(alloc.allocation),
  };
  const realised = buildRealisedSheet(input, cycleRefs, t);
  const changes = buildChangesSheet(input, cycleRefs, t);
  // Issue 16: the published figures beside the computed ones (only for a published proposal).
  const reconciliation = buildReconciliationSheet(
    input,
    {
      infra: costs.infra,
      pwWsw: costs.pwWsw,
      specific: costs.specific,
      pwAmount: lump.pwAmount,
      effect: lump.effect,
      lumpSum: cellsOf(lump.lumpSum)[0],
      wsw: lump.cmpWsw,
      pw: lump.cmpPw,
      perFte: lump.perFte,
      budgetTotal: alloc.budgetTotal,
      allocation: cellsOf(alloc.allocation),
      allocationTotal: alloc.allocationTotal,
      quasiTarget: quasi.row("target"),
      quasiAttributable: quasi.row("attrTotal"),
      quasiNonAttributable: quasi.row("nonAttrTotal"),
      quasiTotal: quasi.row("total"),
      baseWsw: occ.wsw[0],
      basePw: occ.pw[0],
      baseFte: occ.total[0],
      baseCosts: costs.baseTotal,
      baseSpecific: inputs.refs.specificPw,
    },
    language,
  );
  // One A4 page for the council and a page per municipality (issue 16), over the sheets above.
  const councilRefs: CouncilRefs = {
    // The P-budgets as allocated, estimated years filled in (as for the cycle's sheets).
    inputs: { ...inputs.refs, pBudget: alloc.pBudget },
    fee: lump.fee,
    perFte: lump.perFte,
    pctOfBudget: alloc.pct,
    allocation: cellsOf(alloc.allocation),
    quasiPct: quasi.pct,
    quasiThreshold: quasi.threshold,
    quasiResult: quasi.result,
  };
  const stamp = { date: options.date ?? todayIso(), version: inputVersion(input) };
  const summary = buildSummarySheet(input, councilRefs, stamp, t);
  const pages = options.municipalityPages === false ? undefined : buildMunicipalityPages(input, councilRefs, stamp, t);
  // What-if scenarios beside the base (issue 16): read the sheets above, live.
  const scen = buildScenarioSheet(
    input,
    {
      inputs: inputs.refs,
      occWsw: occ.wsw,
      occPw: occ.pw,
      occTotal: occ.total,
      fee: lump.fee,
      pBudget: alloc.pBudget,
    },
    SCENARIO_LABELS[language],
  );
  const charts = [alloc.chart, ...(changes.chart ? [changes.chart] : []), summary.chart, scen.chart];
  names.push(
    { name: "ibn_lumpsum", ref: lump.lumpSum },
    { name: "ibn_lumpsum_fee", ref: lump.feeRow },
    { name: "ibn_allocation", ref: alloc.allocation },
    { name: "ibn_quasi_inhouse_pct", ref: quasi.pct },
  );
  return {
    sheets: printSheets(
      [
        withSources(inputs.sheet, input, t), // issue 16: the Bron column and notes
        costs.sheet,
        occ.sheet,
        lump.sheet,
        alloc.sheet,
        quasi.sheet,
        ...(realised ? [realised.sheet] : []),
        changes.sheet,
        scen.sheet,
        summary.sheet,
        ...(pages ? [pages.sheet] : []),
        ...(reconciliation ? [reconciliation.sheet] : []),
      ],
      charts,
      proposalPrint(input.years, language, {
        [alloc.sheet.name]: { columns: alloc.printColumns },
        // Exactly one A4 page, upright, nothing repeated.
        [summary.sheet.name]: { portrait: true, onePage: true, titleRows: 0 },
        // A page per municipality: a break above each but the first.
        ...(pages
          ? { [pages.sheet.name]: { portrait: true, titleRows: 0, rowBreaks: pages.pageStarts.slice(1) } }
          : {}),
        [scen.sheet.name]: { columns: scen.printColumns },
        [inputs.sheet.name]: inputsPrint(inputs.sheet), // its Bron column stays on screen
      }),
    ),
    names,
    charts,
    properties: documentProperties(proposalPrint(input.years, language)),
    keys: {
      lumpSum: lump.lumpSum,
      lumpSumCheck: lump.check,
      fee: lump.feeRow,
      allocation: alloc.allocation,
      allocationCheck: alloc.check,
      quasiPct: quasi.pct,
      quasiResult: quasi.result,
      occupancyTotal: occ.totalRow,
      ...prefixed("realised", realised?.keys),
      ...prefixed("changes", changes.keys),
      ...prefixed("reconciliation", reconciliation?.keys),
      ...prefixed("summary", summary.keys),
      ...prefixed("scenario", scen.keys),
    },
  };
}

/**
 * Only the input sheet, pre-filled, without defined names: a starting point the user edits and reads
 * back. A draft (a rolled-forward next period) is written as it is, its nulls as empty input cells.
 */
export function buildInputSheetPlan(input: DraftProposalInput, language: Language = "nl"): WorkbookPlan {
  const base = LABELS[language];
  const t: Labels = { ...base, sheets: { ...base.sheets, inputs: base.inputSheetName } };
  const inputs = buildInputs(input, t).sheet;
  const sheet = withSources(inputs, input, t); // issue 16: the Bron column and notes
  const years = input.years.filter((y): y is number => typeof y === "number");
  const print = proposalPrint(years, language, { [sheet.name]: inputsPrint(inputs) });
  return { sheets: printSheets([sheet], [], print), names: [], charts: [] };
}
