// The model inputs of issue 16, computed by the exact core: cost indexation per year and the
// P-budgets with the estimated years filled in (the year before × (1 + growth), per municipality,
// in whole euros: the sheets' largest remainder decides on whole units, so the core must allocate
// over the same figures; unrounded, 8 decimals after two years of 4.37 % could rank differently).
// Defaults (no indexation, no estimated year) give the published figures unchanged.
import { D, type Dec } from "../decimal";
import type { ProposalInput } from "./types";

const d = (n: number) => new D(n);

/** The allocation years: the previous period's, then the proposal's. */
export function allocationYears(p: ProposalInput): number[] {
  return [...(p.previous?.years ?? []), ...p.years];
}

/** Whether allocation year index `j` has estimated P-budgets. */
export function isEstimatedYear(p: ProposalInput, j: number): boolean {
  return (p.estimatedPBudgetYears ?? []).includes(allocationYears(p)[j]);
}

/** The cost index of a year `k` years after the base year: (1 + rate)^k, exactly 1 without indexation. */
export function costIndex(k: number, rate: number | Dec = 0): Dec {
  return d(1).plus(rate).pow(k);
}

/**
 * P-budgets per municipality (rows) and allocation year (columns), the estimated years filled in:
 * the year before's figure (itself estimated or not) × (1 + growth), rounded half up to whole euros
 * (the sheets: ROUND(…, 0)). `growth` defaults to the input's.
 */
export function pBudgetMatrix(p: ProposalInput, growth: number | Dec = p.pBudgetGrowth ?? 0): Dec[][] {
  const years = allocationYears(p);
  const estimated = years.map((_, j) => isEstimatedYear(p, j));
  const factor = d(1).plus(growth);
  return p.municipalities.map((m) => {
    const row: Dec[] = [];
    years.forEach((_, j) =>
      row.push(estimated[j] && j > 0 ? row[j - 1].times(factor).toDecimalPlaces(0, D.ROUND_HALF_UP) : d(m.pBudgets[j])),
    );
    return row;
  });
}

/** The P-budgets of one allocation year (index `j`), estimated where the year is. */
export function pBudgetsOfYear(p: ProposalInput, j: number, growth?: number | Dec): Dec[] {
  return pBudgetMatrix(p, growth).map((row) => row[j]);
}
