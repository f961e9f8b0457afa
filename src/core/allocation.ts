import { requireNonNegative } from "./checks";
import { D, Dec, isBelowZero, sum, ZERO } from "./decimal";
import { InputError, valueError } from "./errors";

function checkBudgets(budgets: readonly Dec[], argument: string): Dec {
  if (budgets.length === 0) throw valueError(argument, "budget.none");
  budgets.forEach((b, i) => {
    if (isBelowZero(b)) throw valueError(argument, "budget.negative", { index: i + 1, value: b.toString() });
  });
  const total = sum(budgets);
  if (total.isZero()) throw new InputError("div0", argument, "budget.zero");
  return total;
}

/** Each municipality's share of the total P-budget, as fractions that add up to 1. */
export function budgetShares(budgets: readonly Dec[], argument = "p_budgets"): Dec[] {
  const total = checkBudgets(budgets, argument);
  return budgets.map((b) => b.div(total));
}

export const MIN_DECIMALS = -9;
export const MAX_DECIMALS = 10;

/**
 * Allocate `amount` over the budgets in proportion, rounded to `decimals` by largest remainder:
 * every part is its exact share rounded down or up by one unit, and the parts add up exactly to the
 * amount rounded to `decimals`. Ties go to the larger budget, then to the first.
 */
export function allocateByBudget(amount: Dec, budgets: readonly Dec[], decimals = 0, argument = "p_budgets"): Dec[] {
  if (!Number.isInteger(decimals) || decimals < MIN_DECIMALS || decimals > MAX_DECIMALS) {
    throw valueError("decimals", "budget.decimals", { min: MIN_DECIMALS, max: MAX_DECIMALS, value: String(decimals) });
  }
  const total = checkBudgets(budgets, argument);
  const unit = new D(10).pow(-decimals);
  const sign = amount.isNegative() ? -1 : 1;
  const units = amount.abs().div(unit).toDecimalPlaces(0, D.ROUND_HALF_UP);
  const exact = budgets.map((b) => units.times(b).div(total));
  const floors = exact.map((e) => e.floor());
  const remainders = exact.map((e, i) => e.minus(floors[i]));
  let left = units.minus(sum(floors)).toNumber();
  const order = budgets
    .map((_, i) => i)
    .sort((i, j) => remainders[j].comparedTo(remainders[i]) || budgets[j].comparedTo(budgets[i]) || i - j);
  for (const i of order) {
    if (left <= 0) break;
    floors[i] = floors[i].plus(1);
    left--;
  }
  // A zero part is 0, never -0, whatever the sign of the amount.
  return floors.map((f) => (f.isZero() ? ZERO : f.times(unit).times(sign)));
}

/**
 * The same largest-remainder allocation for whole units and whole budgets, in exact integer
 * arithmetic on numbers (every product stays below 2^53); null when the inputs do not fit, so the
 * caller takes the decimal path. Same ties as allocateByBudget: larger remainder, larger budget, first.
 */
export function allocateWholeUnits(units: number, budgets: readonly number[]): number[] | null {
  if (!Number.isSafeInteger(units) || units < 0 || budgets.length === 0) return null;
  let total = 0;
  let largest = 0;
  for (const b of budgets) {
    if (!Number.isSafeInteger(b) || b < 0) return null;
    total += b;
    largest = Math.max(largest, b);
  }
  // x = units × b and q × total (≤ x + total) must stay exact integers.
  if (total === 0 || !Number.isSafeInteger(total) || units * largest + total > Number.MAX_SAFE_INTEGER) return null;
  const floors: number[] = [];
  const remainders: number[] = [];
  let given = 0;
  for (const b of budgets) {
    const x = units * b;
    let q = Math.floor(x / total);
    let r = x - q * total; // exact: both terms are integers below 2^53
    if (r < 0) [q, r] = [q - 1, r + total];
    else if (r >= total) [q, r] = [q + 1, r - total];
    floors.push(q);
    remainders.push(r);
    given += q;
  }
  let left = units - given;
  const order = budgets
    .map((_, i) => i)
    .sort((i, j) => remainders[j] - remainders[i] || budgets[j] - budgets[i] || i - j);
  for (const i of order) {
    if (left <= 0) break;
    floors[i]++;
    left--;
  }
  return floors;
}

/** The amount as a fraction of the total P-budget (the report's "lump sum as % of P-budget"). */
export function pctOfBudget(amount: Dec, budgets: readonly Dec[], argument = "p_budgets"): Dec {
  requireNonNegative(amount, "amount"); // a lump sum never goes negative
  return amount.div(checkBudgets(budgets, argument));
}
