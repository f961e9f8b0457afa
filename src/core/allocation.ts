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
  checkBudgets(budgets, argument);
  const unit = new D(10).pow(-decimals);
  const sign = amount.isNegative() ? -1 : 1;
  const units = amount.abs().div(unit).toDecimalPlaces(0, D.ROUND_HALF_UP);
  const whole = largestRemainder(BigInt(units.toFixed(0)), wholeBudgets(budgets));
  // A zero part is 0, never -0, whatever the sign of the amount.
  return whole.map((w) => (w === 0n ? ZERO : new D(w.toString()).times(unit).times(sign)));
}

/** The budgets as whole numbers on one scale (× 10^k for the most decimals among them), exactly. */
function wholeBudgets(budgets: readonly Dec[]): bigint[] {
  const k = Math.max(0, ...budgets.map((b) => b.decimalPlaces()));
  return budgets.map((b) => BigInt(b.times(new D(10).pow(k)).toFixed(0)));
}

/**
 * Largest remainder on exact integers: part i is ⌊units × b_i / T⌋ or one more; the units left over
 * go to the largest remainders (units × b_i mod T, compared exactly), ties to the larger budget,
 * then to the first.
 */
export function largestRemainder(units: bigint, budgets: readonly bigint[]): bigint[] {
  let total = 0n;
  for (const b of budgets) total += b;
  const floors = budgets.map((b) => (units * b) / total);
  const remainders = budgets.map((b, i) => units * b - floors[i] * total);
  let left = units;
  for (const f of floors) left -= f;
  const order = budgets
    .map((_, i) => i)
    .sort((i, j) => cmp(remainders[j], remainders[i]) || cmp(budgets[j], budgets[i]) || i - j);
  for (const i of order) {
    if (left <= 0n) break;
    floors[i] += 1n;
    left--;
  }
  return floors;
}

const cmp = (a: bigint, b: bigint): number => (a > b ? 1 : a < b ? -1 : 0);

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
