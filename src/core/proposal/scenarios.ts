// What-if scenarios computed by the exact core (issue 16), the figures the Scenario's sheet gives
// with native formulas (the tests compare both). A scenario changes some inputs of the base
// proposal; every input it leaves out keeps the base value. Per proposal year j (k = j + 1 years
// after the base year):
//   Wsw_k = max(0, Wsw_k(base) + Wsw_0 · ((1 − r)^k − (1 − r_base)^k))
//   PW_k  = max(0, PW_k(base) + ((in − out) − (in_base − out_base)) · fte per person · k)
//   L_k   = ((C − S) · PW_k + S · F_k) / F_0 · (1 + indexation)^k − applies_k · on · placements · share · uplift · average
// so the occupancy moves by the difference the scenario's flows make (given occupancy keeps its
// figures, measured against the report's assumptions), and a scenario without overrides is the base
// exactly. The lump sum in whole euros is allocated by largest remainder over the P-budgets (their
// estimated years grown at the scenario's rate) or over the scenario's own weights.
import { allocateByBudget } from "../allocation";
import { D, type Dec, sum, ZERO } from "../decimal";
import { validateProposalInput } from "./input";
import { allocationYears, pBudgetMatrix } from "./modelInputs";
import { occupancySeries } from "./series";
import { REPORT_ASSUMPTIONS, type ProposalInput, type ScenarioOverrides } from "./types";

const d = (n: number | Dec) => new D(n);
const whole = (x: Dec) => x.toDecimalPlaces(0, D.ROUND_HALF_UP);
const given = <T>(v: T | null | undefined): v is T => v !== undefined && v !== null;

/** The values a scenario computes with: its overrides over the base proposal's. */
export interface ScenarioValues {
  pwInflowPersons: number;
  pwOutflowPersons: number;
  wswOutflowRate: number;
  /** 1: the added-value effect deducted in the years it applies; 0: never. */
  addedValueEffect: number;
  demandDrivenShare: number;
  costIndexation: number;
  pBudgetGrowth: number;
  allocationKey: "pBudget" | "weights";
  weights?: number[];
}

/** The base proposal's values: the projection's parameters, or the report's assumptions for given occupancy. */
export function baseScenarioValues(p: ProposalInput): ScenarioValues & { ftePerPerson: number } {
  const o = p.occupancy;
  const a = o.mode === "projected" ? o : REPORT_ASSUMPTIONS;
  return {
    pwInflowPersons: a.pwInflowPersons,
    pwOutflowPersons: a.pwOutflowPersons,
    wswOutflowRate: a.wswOutflowRate,
    ftePerPerson: a.ftePerPerson,
    addedValueEffect: 1,
    demandDrivenShare: p.addedValue.demandDrivenShare,
    costIndexation: p.costIndexation ?? 0,
    pBudgetGrowth: p.pBudgetGrowth ?? 0,
    allocationKey: "pBudget",
  };
}

/** The values of a scenario: each override given, the base value where it is left out (or null). */
export function scenarioValues(p: ProposalInput, o: ScenarioOverrides = {}): ScenarioValues {
  const base = baseScenarioValues(p);
  const pick = <K extends keyof ScenarioValues>(key: K, value: ScenarioValues[K] | null | undefined) =>
    given(value) ? value : base[key];
  const effect = o.addedValueEffect;
  return {
    pwInflowPersons: pick("pwInflowPersons", o.pwInflowPersons),
    pwOutflowPersons: pick("pwOutflowPersons", o.pwOutflowPersons),
    wswOutflowRate: pick("wswOutflowRate", o.wswOutflowRate),
    addedValueEffect: given(effect) ? Number(effect) : 1,
    demandDrivenShare: pick("demandDrivenShare", o.demandDrivenShare),
    costIndexation: pick("costIndexation", o.costIndexation),
    pBudgetGrowth: pick("pBudgetGrowth", o.pBudgetGrowth),
    allocationKey: pick("allocationKey", o.allocationKey),
    ...(given(o.weights) ? { weights: o.weights } : {}),
  };
}

export interface ScenarioYear {
  year: number;
  wsw: Dec;
  pw: Dec;
  /** The lump sum unrounded, and in whole euros (what is allocated). */
  lumpSum: Dec;
  fee: Dec;
  /** Whole euros per PW fte; null when the year has no PW fte. */
  perPwFte: Dec | null;
  /** The fee as a fraction of the total P-budget of the year (estimated years at the scenario's growth). */
  pctOfPBudget: Dec;
  /** The fee minus the base proposal's fee. */
  difference: Dec;
  /** Per municipality: the contribution in whole euros (they add up exactly to the fee), and minus the base's. */
  contributions: Dec[];
  contributionDifferences: Dec[];
}

export interface ScenarioResult {
  values: ScenarioValues;
  years: ScenarioYear[];
}

/** The scenario's figures per proposal year, without the differences from the base. */
function compute(p: ProposalInput, v: ScenarioValues): Omit<ScenarioYear, "difference" | "contributionDifferences">[] {
  const base = baseScenarioValues(p);
  const series = occupancySeries(p);
  const F0 = series.wsw[0].plus(series.pw[0]);
  const C = sum(p.costLines.map((c) => d(c.amount)));
  const S = d(p.specificPwCostsBase);
  const a = p.addedValue;
  const effect = d(a.placements).times(v.demandDrivenShare).times(a.uplift).times(a.averageAddedValue);
  const flow = d(v.pwInflowPersons)
    .minus(v.pwOutflowPersons)
    .minus(d(base.pwInflowPersons).minus(base.pwOutflowPersons));
  const budgets = pBudgetMatrix(p, v.pBudgetGrowth);
  const prevN = allocationYears(p).length - p.years.length;
  return p.years.map((year, j) => {
    const k = j + 1;
    const keep = (rate: number) => d(1).minus(rate).pow(k);
    const wsw = D.max(
      ZERO,
      series.wsw[k].plus(series.wsw[0].times(keep(v.wswOutflowRate).minus(keep(base.wswOutflowRate)))),
    );
    const pw = D.max(ZERO, series.pw[k].plus(flow.times(base.ftePerPerson).times(k)));
    const F = wsw.plus(pw);
    const T = effect.times(a.applies[j]).times(v.addedValueEffect);
    const lumpSum = C.minus(S).times(pw).plus(S.times(F)).div(F0).times(d(1).plus(v.costIndexation).pow(k)).minus(T);
    const fee = whole(lumpSum);
    const pBudgets = budgets.map((row) => row[prevN + j]);
    const key = v.allocationKey === "weights" && v.weights ? v.weights.map((w) => d(w)) : pBudgets;
    return {
      year,
      wsw,
      pw,
      lumpSum,
      fee,
      perPwFte: pw.isZero() ? null : fee.div(pw),
      pctOfPBudget: fee.div(sum(pBudgets)),
      contributions: allocateByBudget(fee, key),
    };
  });
}

/** One scenario's figures, with the differences from the base proposal (a scenario without overrides). */
export function scenarioResult(p: ProposalInput, overrides: ScenarioOverrides = {}): ScenarioResult {
  validateProposalInput(p);
  const values = scenarioValues(p, overrides);
  const base = compute(p, scenarioValues(p));
  const years = compute(p, values).map((y, j) => ({
    ...y,
    difference: y.fee.minus(base[j].fee),
    contributionDifferences: y.contributions.map((c, i) => c.minus(base[j].contributions[i])),
  }));
  return { values, years };
}

/** The base proposal and every scenario of the input, in the order of the Scenario's sheet. */
export function scenarioResults(p: ProposalInput): { name: string; result: ScenarioResult }[] {
  validateProposalInput(p);
  return [
    { name: "", result: scenarioResult(p) },
    ...(p.scenarios ?? []).map((s) => ({ name: s.name, result: scenarioResult(p, s.overrides) })),
  ];
}
