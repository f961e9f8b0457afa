import Decimal from "decimal.js";

/**
 * The one Decimal type of the core. 34 significant digits (IEEE decimal128) keep every euro amount
 * up to 10^20 exact to far below a cent; ROUND_HALF_UP is the rounding a controller expects.
 */
export const D = Decimal.clone({ precision: 34, rounding: Decimal.ROUND_HALF_UP });
export type Dec = InstanceType<typeof D>;

export const ZERO = new D(0);
export const ONE = new D(1);

/** Below zero: negative and not zero (decimal.js calls -0 negative; -0 is zero here). */
export function isBelowZero(value: Dec): boolean {
  return value.isNegative() && !value.isZero();
}

export function sum(values: readonly Dec[]): Dec {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}
