// EXTRA_COSTS in the filtered evaluation.
import { decided, div, EPS, mul, productError, quotientOf, R } from "./doubleDouble";
import { GAPS, IN, readAll } from "./shortestDecimal";
import { intoIn, sumOf } from "./sums";

/** EXTRA_COSTS: C × fte / fte(base) over the summed cost lines. */
export function extraCostsFiltered(lines: readonly number[], b: number, f: number): number {
  return intoIn(lines, 0, 2) ? extraCostsOfRange(lines.length, b, f) : NaN;
}

/**
 * extraCostsFiltered of one cost line c (a single cell, the usual case), straight-line: the same
 * steps and result as over a range of one value.
 */
export function extraCostsOfOne(c: number, b: number, f: number): number {
  if (!(b > 0 && f > 0 && c > 0)) return NaN;
  IN[0] = c;
  IN[1] = f;
  IN[2] = b;
  if (!readAll(0, 3)) return NaN;
  const nh = c * f;
  const nl = productError(c, f, nh) + GAPS[0] * f + c * GAPS[1];
  return quotientOf(nh, nl, b, GAPS[2], nh / b);
}

/** extraCostsFiltered over the cost lines in IN[0 … n−1], with room for 2 more values after them. */
export function extraCostsOfRange(n: number, b: number, f: number): number {
  if (!(b > 0 && f > 0)) return NaN;
  if (n > 6) return extraCostsOfMany(n, b, f);
  // Up to six lines: the lines, fte and fte(base) read in one call, the lines summed as in sumOf.
  let abs = 0;
  for (let i = 0; i < n; i++) {
    const v = IN[i];
    if (!(v >= 0)) return NaN;
    abs += v;
  }
  IN[n] = f;
  IN[n + 1] = b;
  if (!readAll(0, n + 2)) return NaN;
  let ch = 0;
  let cl = 0;
  for (let i = 0; i < n; i++) {
    const v = IN[i];
    const s = ch + v;
    const bb = s - ch;
    cl += ch - (s - bb) + (v - bb) + GAPS[i];
    ch = s;
  }
  if (ch === 0) return NaN;
  // N = C × fte exactly as nh + ne (Dekker), its low part to first order; then N / fte(base) as a
  // quotient plus one correction (see quotientOf).
  const nh = ch * f;
  const nl = productError(ch, f, nh) + cl * f + ch * GAPS[n];
  return quotientOf(nh, nl, b, GAPS[n + 1], (abs * f) / b);
}

/** extraCostsOfRange over more than six lines. */
function extraCostsOfMany(n: number, b: number, f: number): number {
  if (!sumOf(0, n)) return NaN;
  const ch = R[0];
  const cl = R[1];
  const abs = R[2];
  if (ch === 0) return NaN;
  IN[0] = f;
  IN[1] = b;
  if (!readAll(0, 2)) return NaN;
  const bl = GAPS[1];
  mul(ch, cl, f, GAPS[0]);
  div(R[0], R[1], b, bl);
  return decided((n + 6) * EPS * ((abs * f) / b) * 1.01);
}
