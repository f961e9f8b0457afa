// Sums of decimals over a range of IN, as H + L: whole values added exactly apart, the others read
// in one call and added by TwoSum.
import { add, R } from "./doubleDouble";
import { GAPS, IN, readAll } from "./shortestDecimal";

/** wholeApart's results: the exact sum of the whole values, the absolute sum of all. */
export const WHOLE = new Float64Array(2);

/**
 * Moves the values of IN[from … to−1] that are not whole (below 2^52) to IN[at …] (at ≤ from),
 * adds the whole ones exactly into WHOLE[0] and every value into WHOLE[1] (every caller sums
 * values ≥ 0); the end of the moved values, or -1 when a value is not ≥ 0 or the whole sum
 * passes 2^52.
 */
export function wholeApart(from: number, to: number, at: number): number {
  let whole = 0;
  let abs = 0;
  let k = at;
  for (let i = from; i < to; i++) {
    const v = IN[i];
    if (!(v >= 0)) return -1;
    abs += v;
    if (Number.isInteger(v) && v < 4503599627370496) {
      whole += v;
      if (whole > 4503599627370496) return -1;
    } else IN[k++] = v;
  }
  WHOLE[0] = whole;
  WHOLE[1] = abs;
  return k;
}

/**
 * Σ (IN[i] + GAPS[i]) over from … to−1, read, as H + L. With `plain` (up to 64 values) the high
 * parts by TwoSum, their errors and the decimal gaps summed plainly (each of those terms is below
 * 2^-52 of Σ|x|, so their rounding stays below n² · 2^-105 Σ|x|); otherwise double-double adds.
 */
export function sumRead(from: number, to: number, plain: boolean): void {
  let sh = 0;
  let sl = 0;
  for (let i = from; i < to; i++) {
    const v = IN[i];
    if (plain) {
      const s = sh + v;
      const bb = s - sh;
      sl += sh - (s - bb) + (v - bb) + GAPS[i];
      sh = s;
    } else {
      add(sh, sl, v, GAPS[i]);
      sh = R[0];
      sl = R[1];
    }
  }
  R[0] = sh;
  R[1] = sl;
}

/**
 * Σ d(IN[from … to−1]) as H + L for values ≥ 0, and its absolute sum in R[2]; false when a value
 * is not ≥ 0 or not read. The range's values are moved (wholeApart).
 */
export function sumOf(from: number, to: number): boolean {
  const k = wholeApart(from, to, from);
  if (k < 0 || !readAll(from, k)) return false;
  const whole = WHOLE[0];
  const abs = WHOLE[1];
  sumRead(from, k, to - from <= 64);
  add(R[0], R[1], whole, 0);
  R[2] = abs;
  return true;
}

/** Whether every value of IN[from … to−1] is ≥ 0 (not NaN). */
export function nonNegative(from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (!(IN[i] >= 0)) return false;
  return true;
}

/** Copies values into IN from `at`; false when they do not fit with `room` more after them. */
export function intoIn(values: readonly number[], at: number, room: number): boolean {
  if (at + values.length + room > IN.length) return false;
  for (let i = 0; i < values.length; i++) IN[at + i] = values[i];
  return true;
}
