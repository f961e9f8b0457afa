// PBUDGET_SHARE's amount in whole euros, for the exact allocation.

/**
 * |d(x)| rounded half up to a whole number (PBUDGET_SHARE's amount in whole euros), or NaN when
 * x lies within 2^-50 of a half: d(x) is within half an ulp (2^-53 of x) of x, so farther from
 * the half both round alike.
 */
export function halfUpUnits(x: number): number {
  const a = x < 0 ? -x : x;
  if (Number.isInteger(a)) return a <= 9007199254740991 ? a + 0 : NaN; // + 0: never -0
  if (!(a < 2 ** 51)) return NaN;
  const fl = Math.floor(a);
  const fr = a - fl; // exact
  const away = fr - 0.5;
  if ((away < 0 ? -away : away) <= a * 2 ** -50 + 1e-300) return NaN;
  return away > 0 ? fl + 1 : fl;
}
