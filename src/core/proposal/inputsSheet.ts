// The proposal's inputs sheet: every number the user may change, in yellow input cells, each range
// under a defined name (ibn_…). The rows follow from the input's sizes (inputsLayout), and one small
// writer per section fills its rows and returns the cell references that the other sheets read.
// A draft (a rolled-forward next period) writes its nulls as empty yellow cells: still to fill in.
import { address, quoteSheet, rangeAddress } from "../plan/a1";
import { SheetBuilder } from "../plan/sheetBuilder";
import { NUMBER_FORMATS as F, type PlanName, type PlanSheet } from "../plan/types";
import type { AddedValueParameters, Draft, DraftProposalInput, OccupancyProjected } from "./input";
import { LABELS, type Labels } from "./labels";
import { SCENARIO_LABELS, type ScenarioLabels } from "./scenarioLabels";

/** Cell references that later sheets use to read the inputs (absolute, sheet-qualified). */
export interface InputRefs {
  baseYear: string;
  /** Header cell of every year: allocation years (previous period, then proposal years). */
  allocYear: string[];
  year: string[];
  qiYear: string[];
  costLabel: string[];
  costAmount: string[];
  specificPw: string;
  /** Wsw and PW fte: base year, then proposal years. */
  wsw: string[];
  pw: string[];
  tw: { placements: string; share: string; uplift: string; average: string; applies: string[] };
  prev: { lumpSum: string[]; wsw: string[]; pw: string[] };
  /** The previous period's years, its calculation basis (when given) and the invoiced contributions. */
  prevYear: string[];
  basis?: { extraCosts: string; specificPw: string; fte: string; effects: string[] };
  /** invoiced[i][k]: municipality i, previous year k (empty when none is given). */
  invoiced: string[][];
  /** The look-back's cells (when given): per realised year k. */
  realised?: {
    year: string[];
    total: string[];
    specificPw: string[];
    wsw: string[];
    pw: string[];
    expectedEffect: string[];
    realisedEffect: string[];
    pwInflow?: string[];
    pwOutflow?: string[];
    assumedPwInflow?: string[];
    assumedPwOutflow?: string[];
  };
  municipality: string[];
  /** pBudget[i][j]: municipality i, allocation year j. */
  pBudget: string[][];
  /**
   * The model inputs (issue 16): cost indexation and P-budget growth per year, and per allocation
   * year whether its P-budgets are estimated (the flag cell; none for the previous period's years
   * and the first allocation year).
   */
  model: { costIndexation: string; pBudgetGrowth: string; estimated: (string | undefined)[] };
  /** The projection's parameters (projected occupancy only), for the Scenario's sheet's base column. */
  projection?: { wswOutflowRate: string; pwInflow: string; pwOutflow: string; ftePerPerson: string };
  qi: {
    wsw: string[];
    pw: string[];
    attributable: string[];
    nonAttributable: string[];
    regular: string[];
    threshold: string;
  };
}

type TextKey = { [K in keyof Labels]: Labels[K] extends string ? K : never }[keyof Labels];

/** One labelled input cell in column B, named `ibn_<id>`. */
interface Parameter<T> {
  id: string;
  label: TextKey;
  value: (from: T) => number | null;
  format: string;
}

const PROJECTION: readonly Parameter<Draft<OccupancyProjected>>[] = [
  { id: "wsw_outflow_rate", label: "wswOutflowRate", value: (o) => o.wswOutflowRate, format: F.pct1 },
  { id: "pw_inflow", label: "pwInflow", value: (o) => o.pwInflowPersons, format: F.integer },
  { id: "pw_outflow", label: "pwOutflow", value: (o) => o.pwOutflowPersons, format: F.integer },
  { id: "fte_per_person", label: "ftePerPerson", value: (o) => o.ftePerPerson, format: "0.00" },
];

const ADDED_VALUE: readonly Parameter<Draft<AddedValueParameters>>[] = [
  { id: "tw_placements", label: "placements", value: (a) => a.placements, format: F.integer },
  { id: "tw_demand_share", label: "demandShare", value: (a) => a.demandDrivenShare, format: F.pct0 },
  { id: "tw_uplift", label: "uplift", value: (a) => a.uplift, format: F.pct0 },
  { id: "tw_average_value", label: "averageValue", value: (a) => a.averageAddedValue, format: F.euroCents },
];

/** The previous period's rows under its years (the name is `ibn_prev_<id>`). */
const PREVIOUS_ROWS = [
  { key: "lumpSum", id: "lumpsum", label: "lumpSumFee", values: "lumpSums", format: F.euro },
  { key: "wsw", id: "wsw", label: "wsw", values: "wsw", format: F.fte },
  { key: "pw", id: "pw", label: "pw", values: "pw", format: F.fte },
] as const;

/** The previous period's calculation basis, under its rows (one value each; the effects per year). */
const BASIS_ROWS = [
  { key: "extraCosts", label: "basisExtraCosts", format: F.euro },
  { key: "specificPwCosts", label: "basisSpecificPw", format: F.euro },
  { key: "fte", label: "basisFte", format: F.fte },
] as const;

/** The look-back's rows under its cost lines and their total, one value per realised year; optional rows last. */
export const REALISED_ROWS = [
  { key: "specificPw", values: "specificPwCosts", label: "realisedSpecificPw", format: F.euro },
  { key: "wsw", values: "wsw", label: "realisedWsw", format: F.fte },
  { key: "pw", values: "pw", label: "realisedPw", format: F.fte },
  { key: "expectedEffect", values: "expectedEffects", label: "expectedEffect", format: F.euro },
  { key: "realisedEffect", values: "realisedEffects", label: "realisedEffect", format: F.euro },
  { key: "pwInflow", values: "pwInflowPersons", label: "realisedPwInflow", format: F.integer, optional: true },
  { key: "pwOutflow", values: "pwOutflowPersons", label: "realisedPwOutflow", format: F.integer, optional: true },
  {
    key: "assumedPwInflow",
    values: "assumedPwInflowPersons",
    label: "assumedPwInflow",
    format: F.integer,
    optional: true,
  },
  {
    key: "assumedPwOutflow",
    values: "assumedPwOutflowPersons",
    label: "assumedPwOutflow",
    format: F.integer,
    optional: true,
  },
] as const;

/** The quasi-in-house rows under their years, in fte. */
const QUASI_ROWS = [
  { id: "qi_wsw", label: "wsw", values: "wsw" },
  { id: "qi_pw", label: "pw", values: "pw" },
  { id: "qi_attributable_staff", label: "attributableStaff", values: "attributableStaff" },
  { id: "qi_non_attributable_staff", label: "nonAttributableStaff", values: "nonAttributableStaff" },
  { id: "qi_regular_staff", label: "regularStaff", values: "regularProductionStaff" },
] as const;

/** Zero-based rows of the inputs sheet, top to bottom; optional sections are undefined when absent. */
export interface InputsLayout {
  baseYear: number;
  years: number;
  costHeader: number;
  /** First cost line; the lines follow one per row, then their total. */
  costFirst: number;
  costTotal: number;
  specificPw: number;
  occupancyHeader: number;
  wsw: number;
  pw: number;
  /** Header of the projection parameters (projected occupancy only); the parameters follow. */
  projection?: number;
  /** Header of the added-value parameters; the parameters follow, then the row of years it applies. */
  addedValue: number;
  applies: number;
  /** Header (with the years) of the previous period; its rows follow. */
  previous?: number;
  /** First row of the previous period's calculation basis (when given); its rows follow. */
  basis?: number;
  /** Column of the first invoiced contribution (one blank column after the P-budgets), when given. */
  invoiced?: number;
  municipalityHeader: number;
  /** First municipality; one per row. */
  municipalityFirst: number;
  /** Header (with the years) of the quasi-in-house test; its rows follow, then the threshold. */
  quasi: number;
  threshold: number;
  /** The look-back (when given): its header with the years, cost lines, their total, and its rows by key. */
  realised?: { header: number; costFirst: number; total: number; rows: Partial<Record<RealisedKey, number>> };
  /** The model inputs (issue 16), last on the sheet so no earlier cell moves: header, the two rates, the years and flags, a note. */
  model: {
    header: number;
    costIndexation: number;
    pBudgetGrowth: number;
    years: number;
    estimated: number;
    note: number;
  };
}

type RealisedKey = (typeof REALISED_ROWS)[number]["key"];

/** Where each section of the inputs sheet goes, from the number of cost lines, municipalities and optional sections. */
export function inputsLayout(p: DraftProposalInput): InputsLayout {
  const baseYear = 3; // under the title and its note
  const years = baseYear + 1;
  const costHeader = years + 2;
  const costFirst = costHeader + 1;
  const costTotal = costFirst + p.costLines.length;
  const specificPw = costTotal + 2;
  const occupancyHeader = specificPw + 2;
  const wsw = occupancyHeader + 1;
  const pw = occupancyHeader + 2;
  const projection = p.occupancy.mode === "projected" ? pw + 2 : undefined;
  const addedValue = projection === undefined ? pw + 2 : projection + PROJECTION.length + 2;
  const applies = addedValue + ADDED_VALUE.length + 1;
  const previous = p.previous ? applies + 2 : undefined;
  const basis = previous !== undefined && p.previous?.basis ? previous + PREVIOUS_ROWS.length + 1 : undefined;
  const previousRows = PREVIOUS_ROWS.length + (basis === undefined ? 0 : BASIS_ROWS.length + 1);
  // Without a previous period the municipalities follow the added-value rows directly.
  const municipalityHeader = previous === undefined ? applies + 1 : previous + previousRows + 2;
  const municipalityFirst = municipalityHeader + 1;
  const quasi = municipalityFirst + p.municipalities.length + 1;
  const threshold = quasi + QUASI_ROWS.length + 1;
  const allocationYears = (p.previous?.years.length ?? 0) + p.years.length;
  const invoiced = p.previous && p.municipalities.some((m) => m.invoiced) ? 2 + allocationYears : undefined;
  let realised: InputsLayout["realised"];
  const r = p.realised;
  if (r) {
    const header = threshold + 2;
    const costFirst = header + 1;
    const total = costFirst + r.costLines.length;
    const rows: Partial<Record<RealisedKey, number>> = {};
    let next = total + 1;
    for (const row of REALISED_ROWS) if (r[row.values] !== undefined) rows[row.key] = next++;
    realised = { header, costFirst, total, rows };
  }
  const last = realised ? Math.max(realised.total, ...Object.values(realised.rows)) : threshold;
  const modelTop = last + 2;
  const model = {
    header: modelTop,
    costIndexation: modelTop + 1,
    pBudgetGrowth: modelTop + 2,
    years: modelTop + 3,
    estimated: modelTop + 4,
    note: modelTop + 5,
  };
  return {
    baseYear,
    years,
    costHeader,
    costFirst,
    costTotal,
    specificPw,
    occupancyHeader,
    wsw,
    pw,
    projection,
    addedValue,
    applies,
    previous,
    basis,
    invoiced,
    municipalityHeader,
    municipalityFirst,
    quasi,
    threshold,
    realised,
    model,
  };
}

/** The sheet being written, and the defined names in the order they are added. */
class InputsWriter {
  readonly s: SheetBuilder;
  readonly names: PlanName[] = [];

  constructor(sheetName: string) {
    this.s = new SheetBuilder(sheetName);
  }

  /** Names a range `ibn_<id>`. */
  name(id: string, row: number, col: number, rows = 1, cols = 1): void {
    this.names.push({ name: `ibn_${id}`, ref: this.s.ref(row, col, rows, cols) });
  }

  /** Sheet-qualified absolute address of one cell, for the other sheets' formulas. */
  q(row: number, col: number): string {
    return `${quoteSheet(this.s.name)}!${address(row, col, true)}`;
  }

  /** The addresses of `count` cells along `row` from column `col`. */
  along(row: number, col: number, count: number): string[] {
    return Array.from({ length: count }, (_, j) => this.q(row, col + j));
  }

  /** An input cell: the value, or an empty yellow cell where a draft still has null. */
  input(row: number, col: number, value: number | string | null | undefined, format?: string): void {
    if (value === null || value === undefined) this.s.set(row, col, { value: null, format, style: "input" });
    else this.s.value(row, col, value, format);
  }

  /** Labelled parameters in column B, one per row from `top`; returns their rows. */
  parameters<T>(top: number, params: readonly Parameter<T>[], from: T, t: Labels): number[] {
    return params.map(({ id, label, value, format }, k) => {
      this.s.label(top + k, 0, t[label]);
      this.input(top + k, 1, value(from), format);
      this.name(id, top + k, 1);
      return top + k;
    });
  }
}

function writeYears(w: InputsWriter, p: DraftProposalInput, t: Labels, at: InputsLayout) {
  w.s.label(at.baseYear, 0, t.baseYear);
  w.input(at.baseYear, 1, p.baseYear, F.year);
  w.name("base_year", at.baseYear, 1);
  w.s.label(at.years, 0, t.proposalYears);
  p.years.forEach((y, j) => w.input(at.years, 1 + j, y, F.year));
  w.name("years", at.years, 1, 1, p.years.length);
  return { baseYear: w.q(at.baseYear, 1), year: w.along(at.years, 1, p.years.length) };
}

function writeCostLines(w: InputsWriter, p: DraftProposalInput, t: Labels, at: InputsLayout, baseYear: string) {
  const { costFirst: first, costTotal: total } = at;
  const L = p.costLines.length;
  w.s.labels(at.costHeader, 0, [t.costLine]).formula(at.costHeader, 1, baseYear, F.year, "header");
  p.costLines.forEach((c, i) => {
    w.s.value(first + i, 0, c.label, undefined);
    w.input(first + i, 1, c.amount, F.euro);
  });
  w.name("cost_labels", first, 0, L, 1);
  w.name("cost_lines", first, 1, L, 1);
  w.s.label(total, 0, t.totalCosts, "total").formula(total, 1, `SUM(${rangeAddress(first, 1, L, 1)})`, F.euro, "total");
  return {
    costLabel: p.costLines.map((_, i) => w.q(first + i, 0)),
    costAmount: p.costLines.map((_, i) => w.q(first + i, 1)),
  };
}

function writeSpecificPw(w: InputsWriter, p: DraftProposalInput, t: Labels, at: InputsLayout) {
  w.s.label(at.specificPw, 0, t.specificPw);
  w.input(at.specificPw, 1, p.specificPwCostsBase, F.euro);
  w.name("specific_pw_base", at.specificPw, 1);
  return w.q(at.specificPw, 1);
}

/** Projected occupancy: the base year as given, each later year a formula on the projection parameters. */
function writeProjection(w: InputsWriter, o: Draft<OccupancyProjected>, t: Labels, at: InputsLayout, n: number) {
  const top = at.projection!;
  w.s.labels(top, 0, [t.projection]);
  const [rate, inflow, outflow, fpp] = w.parameters(top + 1, PROJECTION, o, t).map((row) => address(row, 1, true));
  w.input(at.wsw, 1, o.wswBase, F.fte);
  w.input(at.pw, 1, o.pwBase, F.fte);
  for (let j = 1; j <= n; j++) {
    w.s.formula(at.wsw, 1 + j, `${address(at.wsw, j)}*(1-${rate})`, F.fte);
    w.s.formula(at.pw, 1 + j, `MAX(0,${address(at.pw, j)}+(${inflow}-${outflow})*${fpp})`, F.fte);
  }
}

/** Occupancy (Wsw and PW fte): the base year and the proposal years. */
function writeOccupancy(
  w: InputsWriter,
  p: DraftProposalInput,
  t: Labels,
  at: InputsLayout,
  refs: { baseYear: string; year: string[] },
) {
  const n = p.years.length;
  w.s.labels(at.occupancyHeader, 0, [t.occupancyInput]).formula(at.occupancyHeader, 1, refs.baseYear, F.year, "header");
  refs.year.forEach((y, j) => w.s.formula(at.occupancyHeader, 2 + j, y, F.year, "header"));
  w.s.label(at.wsw, 0, t.wsw).label(at.pw, 0, t.pw);
  const o = p.occupancy;
  if (o.mode === "given") {
    o.wsw.forEach((v, j) => w.input(at.wsw, 1 + j, v, F.fte));
    o.pw.forEach((v, j) => w.input(at.pw, 1 + j, v, F.fte));
  } else {
    writeProjection(w, o, t, at, n);
  }
  w.name("wsw", at.wsw, 1, 1, n + 1);
  w.name("pw", at.pw, 1, 1, n + 1);
  return { wsw: w.along(at.wsw, 1, n + 1), pw: w.along(at.pw, 1, n + 1) };
}

/** Added-value (TW) effect parameters, and per year whether it is deducted. */
function writeAddedValue(w: InputsWriter, p: DraftProposalInput, t: Labels, at: InputsLayout): InputRefs["tw"] {
  const a = p.addedValue;
  w.s.labels(at.addedValue, 0, [t.addedValue]);
  const [placements, share, uplift, average] = w
    .parameters(at.addedValue + 1, ADDED_VALUE, a, t)
    .map((row) => w.q(row, 1));
  w.s.label(at.applies, 0, t.applies);
  a.applies.forEach((v, j) => w.input(at.applies, 1 + j, v, "0"));
  w.name("tw_applies", at.applies, 1, 1, p.years.length);
  return { placements, share, uplift, average, applies: w.along(at.applies, 1, a.applies.length) };
}

/** The previous period, shown beside the proposal (none: no columns, no references). */
function writePrevious(w: InputsWriter, p: DraftProposalInput, t: Labels, at: InputsLayout) {
  const prev: InputRefs["prev"] = { lumpSum: [], wsw: [], pw: [] };
  const pp = p.previous;
  const top = at.previous;
  if (!pp || top === undefined) return { prev, prevYear: [] as string[], basis: undefined };
  w.s.labels(top, 0, [t.previous]);
  pp.years.forEach((y, j) => w.input(top, 1 + j, y, F.year));
  w.name("prev_years", top, 1, 1, pp.years.length);
  PREVIOUS_ROWS.forEach(({ key, id, label, values, format }, k) => {
    const row = top + 1 + k;
    w.s.label(row, 0, t[label]);
    pp[values].forEach((v, j) => w.input(row, 1 + j, v, format));
    w.name(`prev_${id}`, row, 1, 1, pp[values].length);
    prev[key] = w.along(row, 1, pp[values].length);
  });
  return { prev, prevYear: w.along(top, 1, pp.years.length), basis: writeBasis(w, p, t, at) };
}

/** How the previous period's lump sums were calculated (a rolled-forward input has it): explains the change into this period. */
function writeBasis(w: InputsWriter, p: DraftProposalInput, t: Labels, at: InputsLayout): InputRefs["basis"] {
  const b = p.previous?.basis;
  const top = at.basis;
  if (!b || top === undefined) return undefined;
  const [extraCosts, specificPw, fte] = BASIS_ROWS.map(({ key, label, format }, k) => {
    w.s.label(top + k, 0, t[label]);
    w.input(top + k, 1, b[key], format);
    return w.q(top + k, 1);
  });
  const row = top + BASIS_ROWS.length;
  w.s.label(row, 0, t.basisEffects);
  b.addedValueEffects.forEach((v, j) => w.input(row, 1 + j, v, F.euro));
  return { extraCosts, specificPw, fte, effects: w.along(row, 1, b.addedValueEffects.length) };
}

/** P-budgets per municipality and allocation year. */
function writePBudgets(
  w: InputsWriter,
  p: DraftProposalInput,
  t: Labels,
  at: InputsLayout,
  allocYear: string[],
  model: InputRefs["model"],
) {
  const { municipalityHeader: header, municipalityFirst: first } = at;
  const st = scenarioLabelsOf(t);
  w.s.labels(header, 0, [t.municipality]);
  // A year whose P-budgets are estimated says so in its header, live with its flag (issue 16).
  allocYear.forEach((y, j) => {
    const flag = model.estimated[j];
    w.s.formula(header, 1 + j, flag ? `IF(${flag}=1,${y}&" (${st.estimated})",${y})` : y, F.year, "header");
  });
  const estimated = estimatedIndices(p, allocYear.length);
  p.municipalities.forEach((m, i) => {
    w.s.value(first + i, 0, m.name);
    m.pBudgets.forEach((b, j) => w.input(first + i, 1 + j, estimated.has(j) ? null : b, F.euro));
  });
  w.name("municipalities", first, 0, p.municipalities.length, 1);
  w.name("pbudget", first, 1, p.municipalities.length, allocYear.length);
  // The contributions as invoiced, beside the P-budgets after one blank column (what was billed may
  // differ from what the P-budgets give).
  const col = at.invoiced;
  const prevYear = allocYear.slice(0, p.previous?.years.length ?? 0);
  const invoiced: string[][] = [];
  if (col !== undefined) {
    prevYear.forEach((y, k) => w.s.formula(header, col + k, `"${t.invoiced} "&${y}`, undefined, "header"));
    p.municipalities.forEach((m, i) => {
      prevYear.forEach((_, k) => w.input(first + i, col + k, m.invoiced?.[k], F.euro));
      invoiced.push(w.along(first + i, col, prevYear.length));
    });
  }
  return {
    municipality: p.municipalities.map((_, i) => w.q(first + i, 0)),
    pBudget: p.municipalities.map((_, i) => w.along(first + i, 1, allocYear.length)),
    invoiced,
  };
}

/** Quasi-in-house inputs: fte per year, and the threshold. */
function writeQuasiInhouse(w: InputsWriter, p: DraftProposalInput, t: Labels, at: InputsLayout) {
  const qi = p.quasiInhouse;
  const top = at.quasi;
  w.s.labels(top, 0, [t.quasiInput]);
  qi.years.forEach((y, k) => w.input(top, 1 + k, y, F.year));
  w.name("qi_years", top, 1, 1, qi.years.length);
  const [wsw, pw, attributable, nonAttributable, regular] = QUASI_ROWS.map(({ id, label, values }, k) => {
    const row = top + 1 + k;
    w.s.label(row, 0, t[label]);
    qi[values].forEach((v, j) => w.input(row, 1 + j, v, F.fte));
    w.name(id, row, 1, 1, qi[values].length);
    return w.along(row, 1, qi[values].length);
  });
  w.s.label(at.threshold, 0, t.threshold);
  w.input(at.threshold, 1, qi.threshold, F.pct0);
  w.name("qi_threshold", at.threshold, 1);
  return {
    qiYear: w.along(top, 1, qi.years.length),
    qi: { wsw, pw, attributable, nonAttributable, regular, threshold: w.q(at.threshold, 1) },
  };
}

/** The look-back on closed years (nacalculatie): realised cost lines, their total and the rows by year. */
function writeRealised(w: InputsWriter, p: DraftProposalInput, t: Labels, at: InputsLayout): InputRefs["realised"] {
  const r = p.realised;
  const lay = at.realised;
  if (!r || !lay) return undefined;
  const K = r.years.length;
  w.s.labels(lay.header, 0, [t.realisedInput]);
  r.years.forEach((y, k) => w.input(lay.header, 1 + k, y, F.year));
  r.costLines.forEach((c, i) => {
    w.s.value(lay.costFirst + i, 0, c.label, undefined);
    c.amounts.forEach((v, k) => w.input(lay.costFirst + i, 1 + k, v, F.euro));
  });
  w.s.label(lay.total, 0, t.realisedTotal, "total");
  for (let k = 0; k < K; k++)
    w.s.formula(lay.total, 1 + k, `SUM(${rangeAddress(lay.costFirst, 1 + k, r.costLines.length, 1)})`, F.euro, "total");
  const refs: NonNullable<InputRefs["realised"]> = {
    year: w.along(lay.header, 1, K),
    total: w.along(lay.total, 1, K),
    specificPw: [],
    wsw: [],
    pw: [],
    expectedEffect: [],
    realisedEffect: [],
  };
  for (const { key, values, label, format } of REALISED_ROWS) {
    const row = lay.rows[key];
    const list = r[values];
    if (row === undefined || !list) continue;
    w.s.label(row, 0, t[label]);
    list.forEach((v, k) => w.input(row, 1 + k, v, format));
    refs[key] = w.along(row, 1, K);
  }
  return refs;
}

/** The labels of issue 16 in the language of `t`. */
export function scenarioLabelsOf(t: Labels): ScenarioLabels {
  return t.inputsTitle === LABELS.en.inputsTitle ? SCENARIO_LABELS.en : SCENARIO_LABELS.nl;
}

/** Allocation-year indices whose P-budgets are estimated. */
function estimatedIndices(p: DraftProposalInput, count: number): Set<number> {
  const years = [...(p.previous?.years ?? []), ...p.years];
  const out = new Set<number>();
  for (const y of p.estimatedPBudgetYears ?? []) {
    const j = years.indexOf(y);
    if (j >= 1 && j < count) out.add(j);
  }
  return out;
}

/**
 * The model inputs (issue 16), last on the sheet: cost indexation and P-budget growth per year
 * (0 by default: the published figures), and under each proposal year whether its P-budgets are
 * estimated (1) or typed (0); the first allocation year has no year before and no flag.
 */
function modelRefs(w: InputsWriter, p: DraftProposalInput, at: InputsLayout): InputRefs["model"] {
  const prevN = p.previous?.years.length ?? 0;
  const m = at.model;
  return {
    costIndexation: w.q(m.costIndexation, 1),
    pBudgetGrowth: w.q(m.pBudgetGrowth, 1),
    estimated: [
      ...Array.from({ length: prevN }, () => undefined),
      ...p.years.map((_, j) => (prevN + j === 0 ? undefined : w.q(m.estimated, 1 + j))),
    ],
  };
}

function writeModelInputs(w: InputsWriter, p: DraftProposalInput, t: Labels, at: InputsLayout, year: string[]) {
  const m = at.model;
  const st = scenarioLabelsOf(t);
  const prevN = p.previous?.years.length ?? 0;
  w.s.labels(m.header, 0, [st.modelInputs]);
  w.s.label(m.costIndexation, 0, st.costIndexation);
  w.input(m.costIndexation, 1, p.costIndexation ?? 0, F.pct1);
  w.name("cost_indexation", m.costIndexation, 1);
  w.s.label(m.pBudgetGrowth, 0, st.pBudgetGrowth);
  w.input(m.pBudgetGrowth, 1, p.pBudgetGrowth ?? 0, F.pct1);
  w.name("pbudget_growth", m.pBudgetGrowth, 1);
  w.s.labels(m.years, 0, [st.estimatedYears]);
  year.forEach((y, j) => w.s.formula(m.years, 1 + j, y, F.year, "header"));
  w.s.label(m.estimated, 0, st.pBudgetEstimated);
  const flagged = new Set(p.estimatedPBudgetYears ?? []);
  p.years.forEach((y, j) => {
    if (prevN + j > 0) w.input(m.estimated, 1 + j, typeof y === "number" && flagged.has(y) ? 1 : 0, "0");
  });
  const first = prevN === 0 ? 1 : 0;
  if (first < p.years.length) w.name("pbudget_estimated", m.estimated, 1 + first, 1, p.years.length - first);
  w.s.label(m.note, 0, st.estimatedNote, "note");
}

/** The inputs sheet, its defined names (in sheet order) and the references the other sheets read. */
export function buildInputs(
  p: DraftProposalInput,
  t: Labels,
): { sheet: PlanSheet; names: PlanName[]; refs: InputRefs } {
  const at = inputsLayout(p);
  const w = new InputsWriter(t.sheets.inputs);
  w.s.label(0, 0, t.inputsTitle, "title").label(1, 0, t.inputsNote, "note");

  const { baseYear, year } = writeYears(w, p, t, at);
  const cost = writeCostLines(w, p, t, at, baseYear);
  const specificPw = writeSpecificPw(w, p, t, at);
  const occupancy = writeOccupancy(w, p, t, at, { baseYear, year });
  const tw = writeAddedValue(w, p, t, at);
  const { prev, prevYear, basis } = writePrevious(w, p, t, at);
  const allocYear = [...prevYear, ...year];
  // The model inputs' rows are last on the sheet, but the P-budget headers read their flags.
  const model = modelRefs(w, p, at);
  const budgets = writePBudgets(w, p, t, at, allocYear, model);
  const quasi = writeQuasiInhouse(w, p, t, at);
  const realised = writeRealised(w, p, t, at);
  writeModelInputs(w, p, t, at, year);

  const columns = Math.max(
    p.years.length + 1,
    allocYear.length + (at.invoiced === undefined ? 0 : prevYear.length + 1),
    p.quasiInhouse.years.length,
    p.realised?.years.length ?? 0,
  );
  w.s.columnWidths([44, ...Array(columns).fill(14)]);
  const refs: InputRefs = {
    baseYear,
    allocYear,
    year,
    ...cost,
    specificPw,
    ...occupancy,
    tw,
    prev,
    prevYear,
    basis,
    ...budgets,
    ...quasi,
    realised,
    model,
    ...(at.projection !== undefined
      ? {
          projection: {
            wswOutflowRate: w.q(at.projection + 1, 1),
            pwInflow: w.q(at.projection + 2, 1),
            pwOutflow: w.q(at.projection + 3, 1),
            ftePerPerson: w.q(at.projection + 4, 1),
          },
        }
      : {}),
  };
  return { sheet: w.s.freeze(2, 1).build("FFC000"), names: w.names, refs }; // title rows and labels stay in view
}
