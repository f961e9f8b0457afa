// QUASI_INHOUSE_PCT's pooled fraction, Σ a / Σ t over up to four years, in one pass over the cells.
// It is the usual call and reads every value, so readAll's integer steps are written out here, once
// for a and once for t: a call per value, or a second loop over IN, measured 10–20 % slower in the
// production bundle (V8 inlines a called reader only when the call was already frequent when it
// compiled this loop, so a sheet of typed values first could leave every later call slow).
import { quotientOf } from "./doubleDouble";
import { WHOLE_FEW } from "./ratios";
import { gapBelowTables, HALF, HI, LO, MUL, TENS, UNIT } from "./shortestDecimal";

/** The value being read, and its words. */
const ONE = new Float64Array(1);
const ONE_WORDS = new Int32Array(ONE.buffer);

/**
 * Σ a / Σ t for two ranges of the same shape (rows of up to four cells in all), each a a number
 * from 0 to its t and Σ t > 0, as the decimal path computes it from the numbers' shortest decimals.
 * NaN when not such ranges (a blank or text cell too: the caller's slower path reads those), or
 * undecided (within about 2^-90 of a rounding midpoint, an interval's edge, a tie).
 */
export function pooledRatio(a: unknown, t: unknown): number {
  if (!Array.isArray(a) || !Array.isArray(t) || a.length !== t.length || a.length > 4) return NaN;
  const first: unknown = a[0];
  const cols = Array.isArray(first) ? first.length : 0;
  if (cols * a.length > 4) return NaN;
  let xAbs = 0; // Σ a and Σ t in plain doubles, for the error bound
  let yAbs = 0;
  let wx = 0; // the whole values (below 2^49: exact)
  let wy = 0;
  let xh = 0; // the others by TwoSum, with their decimal gaps in xl and yl
  let xl = 0;
  let yh = 0;
  let yl = 0;
  for (let r = 0; r < a.length; r++) {
    const ra: unknown = a[r];
    const rt: unknown = t[r];
    if (!Array.isArray(ra) || !Array.isArray(rt) || ra.length !== cols || rt.length !== cols) return NaN;
    for (let c = 0; c < cols; c++) {
      const x: unknown = ra[c];
      const y: unknown = rt[c];
      if (typeof x !== "number" || typeof y !== "number" || !(x >= 0 && x <= y)) return NaN; // infinities below
      xAbs += x;
      yAbs += y;
      if (x < WHOLE_FEW && Number.isInteger(x)) wx += x;
      else {
        const s = xh + x;
        const bb = s - xh;
        xl += xh - (s - bb) + (x - bb);
        xh = s;
        // readAll's integer steps for x ≥ 0 (see shortestDecimal.ts); below its tables in doubles.
        ONE[0] = x;
        const e = ONE_WORDS[HI] >>> 20;
        const g0 = Math.imul(ONE_WORDS[LO], MUL[e]);
        const g1 = Math.imul(g0, 10);
        const h0 = HALF[e];
        const d0 = Math.abs(g0) - h0;
        const d1 = Math.abs(g1) - h0 * 10;
        const in0 = ((d0 < 0) as unknown as number) | 0;
        const in1 = ((d1 < 0) as unknown as number) & ~in0;
        const k = 2 - 2 * in0 - in1;
        const gk = Math.imul(g0, TENS[k]);
        xl += d0 * d1 === 0 || gk === -2147483648 ? (h0 === 0 ? gapBelowTables(x) : NaN) : gk * UNIT[8 * e + k];
      }
      if (y < WHOLE_FEW && Number.isInteger(y)) wy += y;
      else {
        const s = yh + y;
        const bb = s - yh;
        yl += yh - (s - bb) + (y - bb);
        yh = s;
        // The same steps for y.
        ONE[0] = y;
        const e = ONE_WORDS[HI] >>> 20;
        const g0 = Math.imul(ONE_WORDS[LO], MUL[e]);
        const g1 = Math.imul(g0, 10);
        const h0 = HALF[e];
        const d0 = Math.abs(g0) - h0;
        const d1 = Math.abs(g1) - h0 * 10;
        const in0 = ((d0 < 0) as unknown as number) | 0;
        const in1 = ((d1 < 0) as unknown as number) & ~in0;
        const k = 2 - 2 * in0 - in1;
        const gk = Math.imul(g0, TENS[k]);
        yl += d0 * d1 === 0 || gk === -2147483648 ? (h0 === 0 ? gapBelowTables(y) : NaN) : gk * UNIT[8 * e + k];
      }
    }
  }
  // An infinite total (or value), or a value not read (its gap NaN).
  if (!(yAbs > 0 && yAbs < Infinity) || xl !== xl || yl !== yl) return NaN;
  // The whole parts by TwoSum; the errors and the decimal gaps summed plainly, as in ratioOfFewSums.
  let s = xh + wx;
  let bb = s - xh;
  xl += xh - (s - bb) + (wx - bb);
  xh = s;
  s = yh + wy;
  bb = s - yh;
  yl += yh - (s - bb) + (wy - bb);
  yh = s;
  if (!(yh > 0) || !(xh > 0)) return NaN;
  return quotientOf(xh, xl, yh, yl, (xAbs / yAbs) * 1.01);
}
