// QUASI_INHOUSE_PCT, LUMPSUM_PCT_PBUDGET (a ratio of sums) and QUASI_INHOUSE_TEST (a ratio of sums
// against a threshold) in the filtered evaluation.
import { add, decided, div, EPS, mul, quotientOf, R } from "./doubleDouble";
import { GAPS, IN, read, readAll } from "./shortestDecimal";
import { intoIn, sumOf } from "./sums";

/** Σ x / Σ y over non-negative values, Σ y > 0 (QUASI_INHOUSE_PCT, LUMPSUM_PCT_PBUDGET). */
export function ratioOfSumsFiltered(x: readonly number[], y: readonly number[]): number {
  return intoIn(x, 0, 0) && intoIn(y, x.length, 0) ? ratioOfSumsOfRange(x.length, x.length + y.length) : NaN;
}

/** ratioOfSumsFiltered of x in IN[0 … nx−1] and y in IN[nx … n−1]. */
export function ratioOfSumsOfRange(nx: number, n: number): number {
  if (n > 8) return ratioOfManySums(nx, n);
  // Up to eight values: each sum's whole values (below 2^49, so that eight add up exactly) added
  // apart, the others moved to the front, summed by TwoSum and read in one call.
  let wx = 0;
  let xAbs = 0;
  let xh = 0;
  let xl = 0;
  let k = 0;
  for (let i = 0; i < nx; i++) {
    const v = IN[i];
    xAbs += v < 0 ? -v : v;
    if (Number.isInteger(v) && v < WHOLE_FEW && v > -WHOLE_FEW) wx += v;
    else {
      IN[k++] = v;
      const s = xh + v;
      const bb = s - xh;
      xl += xh - (s - bb) + (v - bb);
      xh = s;
    }
  }
  const kx = k;
  let wy = 0;
  let yAbs = 0;
  let yh = 0;
  let yl = 0;
  for (let i = nx; i < n; i++) {
    const v = IN[i];
    yAbs += v < 0 ? -v : v;
    if (Number.isInteger(v) && v < WHOLE_FEW && v > -WHOLE_FEW) wy += v;
    else {
      IN[k++] = v;
      const s = yh + v;
      const bb = s - yh;
      yl += yh - (s - bb) + (v - bb);
      yh = s;
    }
  }
  return ratioOfFewSums(kx, k, xh, xl, wx, yh, yl, wy, xAbs / yAbs);
}

/** Whole values below this (2^49) are summed apart in a ratio of up to eight values: exactly. */
export const WHOLE_FEW = 562949953421312;

/**
 * Σ x / Σ y for up to eight values: the whole ones summed apart (wx, wy), the others in IN, x's in
 * 0 … kx−1 and y's in kx … k−1, already summed by TwoSum as xh + xl and yh + yl; they are read in
 * one call and their gaps added. `size`: Σ|x| / Σ|y|.
 */
function ratioOfFewSums(
  kx: number,
  k: number,
  xh: number,
  xl: number,
  wx: number,
  yh: number,
  yl: number,
  wy: number,
  size: number,
): number {
  if (!readAll(0, k)) return NaN;
  // The whole parts by TwoSum; the errors and the decimal gaps summed plainly.
  let s = xh + wx;
  let bb = s - xh;
  xl += xh - (s - bb) + (wx - bb);
  xh = s;
  for (let i = 0; i < kx; i++) xl += GAPS[i];
  s = yh + wy;
  bb = s - yh;
  yl += yh - (s - bb) + (wy - bb);
  yh = s;
  for (let i = kx; i < k; i++) yl += GAPS[i];
  if (!(yh > 0) || !(xh > 0)) return NaN;
  return quotientOf(xh, xl, yh, yl, size * 1.01);
}

/** ratioOfSumsOfRange over more than eight values. */
function ratioOfManySums(nx: number, n: number): number {
  if (!sumOf(0, nx)) return NaN;
  const xh = R[0];
  const xl = R[1];
  const xAbs = R[2];
  if (!sumOf(nx, n)) return NaN;
  if (!(R[0] > 0) || xh === 0) return NaN;
  const yAbs = R[2];
  div(xh, xl, R[0], R[1]);
  return decided((n + 4) * EPS * (xAbs / yAbs) * 1.01 * (1 + 1e-12));
}

/**
 * Σ x / Σ y compared with a threshold t (QUASI_INHOUSE_TEST): 1 when above, 0 when not, NaN when
 * undecided (within the error bound of equality, e.g. exactly 80 %).
 */
export function ratioAboveFiltered(x: readonly number[], y: readonly number[], t: number): number {
  // First in plain doubles, without reading any decimal: each d(v) is within 2^-53 |v| of v, and the
  // sums and the product err by at most (n + 2) · 2^-53 of the absolute sums, so a margin of
  // (n + 8) · 2^-50 · (Σ|x| + |t| Σ|y|) covers both, and the decimal path's 2^-99 too.
  let sx = 0;
  let ax = 0;
  for (let i = 0; i < x.length; i++) {
    const v = Math.abs(x[i]);
    sx += x[i];
    ax += v;
    if (v < 1e-8 && v !== 0) ax = NaN; // only where read would read, so the same inputs reach the decimal path
  }
  let sy = 0;
  let ay = 0;
  for (let i = 0; i < y.length; i++) {
    const v = Math.abs(y[i]);
    sy += y[i];
    ay += v;
    if (v < 1e-8 && v !== 0) ay = NaN;
  }
  const margin = (x.length + y.length + 8) * 2 ** -50;
  if (sy > margin * ay * 2 && ax < 1e14 && ay < 1e14 && x.length + y.length < 1 << 20) {
    const d = sx - t * sy;
    const m = margin * (ax + Math.abs(t) * ay);
    if (d > m) return 1;
    if (d < -m) return 0;
  }
  const nx = x.length;
  const n = nx + y.length;
  if (!intoIn(x, 0, 0) || !intoIn(y, nx, 0) || !sumOf(0, nx)) return NaN;
  const xh = R[0];
  const xl = R[1];
  const xAbs = R[2];
  if (!sumOf(nx, n)) return NaN;
  if (!(R[0] > 0)) return NaN;
  const yh = R[0];
  const yl = R[1];
  const yAbs = R[2];
  // Σx − t·Σy, with no division: its sign decides.
  if (!read(t)) return NaN;
  mul(yh, yl, R[0], R[1]);
  add(xh, xl, -R[0], -R[1]);
  const bound = (n + 6) * EPS * (xAbs + Math.abs(t) * yAbs) * 1.01;
  return R[0] > bound ? 1 : R[0] < -bound ? 0 : NaN;
}
