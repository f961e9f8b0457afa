// The two-year cycle's figures computed by the exact core (issue 14), the same the Nacalculatie and
// Mutaties sheets show with native formulas (the tests compare both):
//  - lookBack: per closed year, the PW share of the realised extra costs against the fee as invoiced,
//    the added-value effect expected against realised, PW inflow and outflow against the assumptions;
//  - lumpSumFactors / explainChanges: L = a·F·s + b·F − T per year, and each change between two
//    consecutive years split by sequential substitution (a, F, s, b, T) into whole-euro effects that
//    add up exactly to the change of the lump sum as set;
//  - contributions: per municipality and allocation year, the contribution (as invoiced where given,
//    else calculated from the P-budgets) and its share of the P-budget.
import { allocateByBudget } from "../allocation";
import { D, type Dec, sum } from "../decimal";
import { validateProposalInput } from "./input";
import { costIndex, pBudgetMatrix } from "./modelInputs";
import { lumpSumYears, occupancySeries, proposalEffect } from "./series";
import type { ProposalInput } from "./types";

const d = (n: number) => new D(n);
const whole = (x: Dec) => x.toDecimalPlaces(0, D.ROUND_HALF_UP);

export interface LookBackYear {
  year: number;
  realisedCosts: Dec;
  specificPwCosts: Dec;
  pwShare: Dec;
  /** (C − S) · PW / F + S: the PW group's part of the realised extra costs. */
  pwShareOfCosts: Dec;
  /** The lump sum of that year as invoiced (the previous period's lump sum). */
  feeInvoiced: Dec;
  /** pwShareOfCosts − feeInvoiced: above 0, the extra costs were higher than the fee (borne by IBN). */
  difference: Dec;
  expectedEffect: Dec;
  realisedEffect: Dec;
  /** Realised minus expected (negative: not realised). */
  effectDifference: Dec;
  pwInflow?: { realised: number; assumed?: number };
  pwOutflow?: { realised: number; assumed?: number };
}

export function lookBack(p: ProposalInput): LookBackYear[] {
  validateProposalInput(p);
  const r = p.realised;
  if (!r) return [];
  return r.years.map((year, k) => {
    const costs = sum(r.costLines.map((c) => d(c.amounts[k])));
    const specific = d(r.specificPwCosts[k]);
    const share = d(r.pw[k]).div(d(r.wsw[k]).plus(r.pw[k]));
    const pwShareOfCosts = costs.minus(specific).times(share).plus(specific);
    const fee = d(p.previous!.lumpSums[p.previous!.years.indexOf(year)]);
    const flow = (realised?: number[], assumed?: number[]) =>
      realised ? { realised: realised[k], ...(assumed ? { assumed: assumed[k] } : {}) } : undefined;
    return {
      year,
      realisedCosts: costs,
      specificPwCosts: specific,
      pwShare: share,
      pwShareOfCosts,
      feeInvoiced: fee,
      difference: pwShareOfCosts.minus(fee),
      expectedEffect: d(r.expectedEffects[k]),
      realisedEffect: d(r.realisedEffects[k]),
      effectDifference: d(r.realisedEffects[k]).minus(r.expectedEffects[k]),
      pwInflow: flow(r.pwInflowPersons, r.assumedPwInflowPersons),
      pwOutflow: flow(r.pwOutflowPersons, r.assumedPwOutflowPersons),
    };
  });
}

/** The factors of one year's lump sum, L = a·F·s + b·F − T, and the lump sum as set (whole euros). */
export interface YearFactors {
  year: number;
  a: Dec;
  F: Dec;
  s: Dec;
  b: Dec;
  T: Dec;
  L: Dec;
  fee: Dec;
}

const lumpSum = (a: Dec, F: Dec, s: Dec, b: Dec, T: Dec) => a.times(F).times(s).plus(b.times(F)).minus(T);

/**
 * The factors of every year that has them: the previous period's years when its basis is given
 * (its lump sum as set), then the proposal years (the lump sum as the proposal rounds it).
 */
export function lumpSumFactors(p: ProposalInput): YearFactors[] {
  validateProposalInput(p);
  const out: YearFactors[] = [];
  const prev = p.previous;
  if (prev?.basis) {
    const b = prev.basis;
    const a = d(b.extraCosts).minus(b.specificPwCosts).div(b.fte);
    const bb = d(b.specificPwCosts).div(b.fte);
    prev.years.forEach((year, k) => {
      const F = d(prev.wsw[k]).plus(prev.pw[k]);
      const s = d(prev.pw[k]).div(F);
      const T = d(b.addedValueEffects[k]);
      out.push({ year, a, F, s, b: bb, T, L: lumpSum(a, F, s, bb, T), fee: d(prev.lumpSums[k]) });
    });
  }
  const series = occupancySeries(p);
  const fte = series.wsw.map((w, j) => w.plus(series.pw[j]));
  const C = sum(p.costLines.map((c) => d(c.amount)));
  const S = d(p.specificPwCostsBase);
  const a = C.minus(S).div(fte[0]);
  const b = S.div(fte[0]);
  const effect = proposalEffect(p);
  const years = lumpSumYears(p, series);
  p.years.forEach((year, j) => {
    const F = fte[j + 1];
    // Cost indexation moves a and b (issue 16): the base-year costs grow by (1 + rate)^(j + 1).
    const index = costIndex(j + 1, p.costIndexation ?? 0);
    // L as the Lumpsum sheet computes it (the same value as a·F·s + b·F − T).
    out.push({
      year,
      a: a.times(index),
      F,
      s: series.pw[j + 1].div(F),
      b: b.times(index),
      T: effect.times(p.addedValue.applies[j]),
      L: years[j].lumpSum,
      fee: whole(years[j].lumpSum),
    });
  });
  return out;
}

export const EFFECTS = ["a", "F", "s", "b", "T"] as const;

export interface ChangeExplained {
  from: number;
  to: number;
  feeBefore: Dec;
  /** Whole-euro effects in the order of substitution, then the deviation of the lump sums as set. */
  effects: Record<(typeof EFFECTS)[number] | "deviation", Dec>;
  feeAfter: Dec;
  change: Dec;
}

/**
 * Each change between consecutive years that both have factors, by sequential substitution in the
 * order a, F, s, b, T: effect = round(L with the factor moved) − round(L before the move). The
 * deviation is what the lump sums as set differ from their rounded L (0 for proposal years), so the
 * effects and the deviation add up exactly to feeAfter − feeBefore.
 */
export function explainChanges(p: ProposalInput): ChangeExplained[] {
  const f = lumpSumFactors(p);
  const out: ChangeExplained[] = [];
  for (let i = 1; i < f.length; i++) {
    const [x, y] = [f[i - 1], f[i]];
    if (y.year !== x.year + 1) continue;
    const steps = [
      x.L,
      lumpSum(y.a, x.F, x.s, x.b, x.T),
      lumpSum(y.a, y.F, x.s, x.b, x.T),
      lumpSum(y.a, y.F, y.s, x.b, x.T),
      lumpSum(y.a, y.F, y.s, y.b, x.T),
      y.L,
    ].map(whole);
    const effect = (k: number) => steps[k + 1].minus(steps[k]);
    out.push({
      from: x.year,
      to: y.year,
      feeBefore: x.fee,
      effects: {
        a: effect(0),
        F: effect(1),
        s: effect(2),
        b: effect(3),
        T: effect(4),
        deviation: y.fee.minus(steps[5]).minus(x.fee.minus(steps[0])),
      },
      feeAfter: y.fee,
      change: y.fee.minus(x.fee),
    });
  }
  return out;
}

export interface Contributions {
  /** Allocation years: the previous period's, then the proposal's. */
  years: number[];
  /** amount[i][j]: municipality i, year j (as invoiced where given, else calculated). */
  amount: Dec[][];
  /** calculated[i][j]: from the P-budgets, as the Verdeling sheet allocates. */
  calculated: Dec[][];
  /** pctOfBudget[i][j]: the contribution as a fraction of the municipality's P-budget. */
  pctOfBudget: Dec[][];
}

export function contributions(p: ProposalInput): Contributions {
  validateProposalInput(p);
  const prevN = p.previous?.years.length ?? 0;
  const fees = [...(p.previous?.lumpSums ?? []).map(d), ...lumpSumYears(p).map((y) => whole(y.lumpSum))];
  const years = [...(p.previous?.years ?? []), ...p.years];
  const budgets = pBudgetMatrix(p);
  const perYear = fees.map((fee, j) =>
    allocateByBudget(
      fee,
      budgets.map((row) => row[j]),
    ),
  );
  const calculated = p.municipalities.map((_, i) => perYear.map((col) => col[i]));
  const amount = p.municipalities.map((m, i) =>
    calculated[i].map((c, j) => (j < prevN && m.invoiced ? d(m.invoiced[j]) : c)),
  );
  const pctOfBudget = amount.map((row, i) =>
    row.map((a, j) => (budgets[i][j].isZero() ? new D(0) : a.div(budgets[i][j]))),
  );
  return { years, amount, calculated, pctOfBudget };
}
