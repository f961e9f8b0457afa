// Exact arithmetic on plain numbers, for the custom functions' fast paths: the same results as the
// decimal core at a fraction of its cost, or null so the caller takes the decimal path. Reading
// Excel's cells into these numbers is the functions' part (src/functions/cellInput.ts).
//
// decimal.js reads a number by its shortest decimal text (1755.9284 is exactly 17559284 / 10^4, not
// the binary double near it). A number written with at most 15 significant digits is such a short
// decimal M / 10^q, and M and q are found with plain arithmetic. Whole numbers below 2^53 added and
// multiplied stay exact, so a formula of such inputs becomes one fraction of exact integers, and
// one division gives the correctly rounded double of the exact result: the double the decimal path
// gives (its 34-digit steps could differ only within 1e-33 of a rounding midpoint). Anything that
// does not fit — more digits, products beyond 2^53, a value the core refuses — returns null, and
// the caller takes the decimal path, which also gives the error message.

const MAX = Number.MAX_SAFE_INTEGER;
/** 10^k, exact for k ≤ 22. */
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);
/** Below this a scaled value rounds back to its integer exactly (x · 10^q is within 0.25 of it). */
const MAX_DIGITS = 1e15;

/** The scales tried first: one step finds up to 4 decimals (fte as typed), the usual case. */
const LADDER = [4, 8, 12, 15];
/**
 * A scale q for x = M / 10^q with M a whole number of at most 15 digits (x as decimal.js reads it:
 * the only decimal of at most 15 digits that rounds to x), else -1. With `smallest`, the smallest
 * such q (smaller numbers, for formulas whose products would pass 2^53); otherwise the first of
 * 4, 8, 12, 15 that fits, which costs one step for up to 4 decimals.
 */
export function decimalScale(x: number, smallest = false): number {
  if (Number.isInteger(x)) return x < MAX_DIGITS && x > -MAX_DIGITS ? 0 : -1;
  let from = 1;
  let to = 15;
  if (!smallest) {
    // A rung that fits (|x| · 10^q < 10^15) and fails rules out every smaller scale too (x = M / 10^s
    // would give the whole M · 10^(q − s) there), so only the scales between it and the first rung
    // too large remain: a full-precision double costs 3 to 6 steps, not 19.
    let fit = 0;
    for (let i = 0; i < LADDER.length; i++) {
      const p = POW10[LADDER[i]];
      const m = Math.round(x * p);
      if (!(m < MAX_DIGITS && m > -MAX_DIGITS)) {
        to = LADDER[i] - 1;
        break;
      }
      if (m / p === x) return LADDER[i];
      fit = LADDER[i];
    }
    from = fit + 1;
  }
  for (let q = from; q <= to; q++) {
    const p = POW10[q];
    const m = Math.round(x * p);
    if (m / p === x) return m < MAX_DIGITS && m > -MAX_DIGITS ? q : -1;
  }
  return -1;
}

/**
 * Whether x is whole or has at most 4 decimals (euros, cents, fte as typed): one step, so the
 * callers try the exact-integer path only where it usually succeeds, and the filtered evaluation
 * (src/core/filtered.ts) for computed values.
 */
export function typedShort(x: number): boolean {
  return Number.isInteger(x) || Math.round(x * 1e4) / 1e4 === x;
}

/**
 * c × f / b for a whole c ≥ 0 and typed f, b > 0: (c · F) / B of exact integers (F, B in 10^-4),
 * one correctly rounded division, while c · F stays below 2^53. NaN otherwise.
 */
export function typedScaled(c: number, f: number, b: number): number {
  if (!(Number.isSafeInteger(c) && c >= 0 && f > 0 && b > 0 && f < 9e11 && b < 9e11)) return NaN;
  const F = Math.round(f * 1e4);
  const B = Math.round(b * 1e4);
  if (F / 1e4 !== f || B / 1e4 !== b) return NaN;
  const n = c * F;
  return n <= MAX ? n / B + 0 : NaN;
}

/**
 * a × b × c × d for typed values ≥ 0: the product of their mantissas M at the smallest scales, an
 * exact integer while below 2^53, divided once by 10^k — the exact decimal product, correctly
 * rounded, as the decimal path gives it. NaN otherwise.
 */
export function typedProduct(a: number, b: number, c: number, d: number): number {
  if (!(a >= 0 && b >= 0 && c >= 0 && d >= 0)) return NaN;
  const qa = decimalScale(a, true);
  const qb = decimalScale(b, true);
  const qc = decimalScale(c, true);
  const qd = decimalScale(d, true);
  if (qa < 0 || qb < 0 || qc < 0 || qd < 0 || qa + qb + qc + qd > 22) return NaN;
  const m = mantissa(a, qa) * mantissa(b, qb) * mantissa(c, qc) * mantissa(d, qd);
  return m <= MAX ? m / POW10[qa + qb + qc + qd] + 0 : NaN;
}

/** x · 10^q as the whole number it is (q its scale). */
const mantissa = (x: number, q: number) => (q === 0 ? x : Math.round(x * POW10[q]));

/** Whether every value is typedShort. */
export function allTypedShort(values: readonly number[]): boolean {
  for (let i = 0; i < values.length; i++) if (!typedShort(values[i])) return false;
  return true;
}

/** x · 10^q as an exact integer, for x of scale ≤ q; NaN when it would not be exact. */
function scaled(x: number, q: number): number {
  if (q === 0) return x;
  if (q > 22) return NaN;
  const m = Math.round(x * POW10[q]);
  return m < MAX_DIGITS && m > -MAX_DIGITS ? m : NaN;
}

/** a + b (or a − b) when exact, else NaN. */
function add(a: number, b: number): number {
  const r = a + b;
  return r <= MAX && r >= -MAX ? r : NaN;
}

/**
 * ⌊n / d⌋ of whole numbers (d > 0) whose quotient times d stays below 2^53: the float quotient, put
 * right by one step, so that n − q·d (exact then) is the remainder, 0 ≤ r < d.
 */
function floorDiv(n: number, d: number): number {
  const q = Math.floor(n / d);
  const r = n - q * d;
  return r < 0 ? q - 1 : r >= d ? q + 1 : q;
}

/**
 * LUMPSUM on plain numbers: ((C − S) × PW + S × fte) / fte(base) − effect, where C is the sum of the
 * cost lines, as one exact fraction and one division. Null when any input is not a short decimal, a
 * check of the core would fail (the decimal path then names it) or a product leaves the exact range.
 */
export function lumpSumExact(
  lines: readonly number[],
  specific: number,
  fteBase: number,
  fteYear: number,
  pwFte: number,
  effect: number,
): number | null {
  const r = lumpSumAttempt(lines, specific, fteBase, fteYear, pwFte, effect, false);
  if (r !== TOO_LARGE) return r;
  const again = lumpSumAttempt(lines, specific, fteBase, fteYear, pwFte, effect, true); // the smallest scales
  return again === TOO_LARGE ? null : again;
}

/** lumpSumAttempt's answer when a product passed 2^53 at the scales tried. */
const TOO_LARGE = -1;

function lumpSumAttempt(
  rows: readonly number[],
  specific: number,
  fteBase: number,
  fteYear: number,
  pwFte: number,
  e: number,
  smallest: boolean,
): number | null {
  // The core's checks, decided exactly on single inputs (reading as decimals keeps their order).
  if (!(specific >= 0 && fteBase > 0 && fteYear > 0 && pwFte >= 0 && pwFte <= fteYear && e >= 0)) return null;

  // Scales: the cost lines and S share one, PW and fte another.
  let qa = decimalScale(specific, smallest);
  if (qa < 0) return null;
  let allWhole = qa === 0;
  let wholeSum = 0;
  for (let i = 0; i < rows.length; i++) {
    const v = rows[i];
    if (!(v >= 0)) return null;
    if (Number.isInteger(v) && v < MAX_DIGITS) {
      wholeSum += v;
      continue;
    }
    const q = decimalScale(v, smallest);
    if (q < 0) return null;
    if (q > qa) qa = q;
    allWhole = false;
  }
  let c: number;
  if (allWhole && wholeSum <= MAX) c = wholeSum;
  else {
    c = 0;
    for (let i = 0; i < rows.length; i++) c = add(c, scaled(rows[i], qa));
  }
  const s = scaled(specific, qa);
  const qp = decimalScale(pwFte, smallest);
  const qf = decimalScale(fteYear, smallest);
  const qb = decimalScale(fteBase, smallest);
  const qe = decimalScale(e, smallest);
  if (qp < 0 || qf < 0 || qb < 0 || qe < 0) return null;
  const qpf = qp > qf ? qp : qf;
  const p = scaled(pwFte, qpf);
  const f = scaled(fteYear, qpf);
  const b = scaled(fteBase, qb);
  const em = scaled(e, qe);
  if (Number.isNaN(s) || Number.isNaN(c) || Number.isNaN(p) || Number.isNaN(f) || Number.isNaN(b) || Number.isNaN(em))
    return TOO_LARGE;
  if (!(s <= c)) return null; // S above C: the decimal path names it
  // R = N / 10^k / (b / 10^qb) − em / 10^qe with N = (C − S)·PW + S·fte at scale k = qa + qpf.
  // As whole part + exact fraction: Q = N·10^qb / G with G = b·10^k, by two exact Euclidean steps
  // (N·10^qb itself may pass 2^53), then less em / 10^qe.
  // All terms are whole numbers ≥ 0, so one bound on each result shows every step was exact.
  const n = (c - s) * p + s * f;
  const k = qa + qpf;
  if (!(n <= MAX) || k > 22 || qb > 22 || qe > 22) return TOO_LARGE;
  const g = b * POW10[k];
  const pb = POW10[qb];
  const pe = POW10[qe];
  if (!(g * (pb > pe ? pb : pe) <= MAX) || !(g > 0)) return TOO_LARGE; // g, n0·10^qb and g·10^qe are exact
  // Euclidean steps on exact integers: q·d and the dividend stay below 2^53, so each remainder is exact.
  const n1 = floorDiv(n, g);
  const n0 = n - n1 * g;
  const t0 = n0 * pb;
  const m1 = floorDiv(t0, g);
  const m0 = t0 - m1 * g;
  let e1 = em;
  let e0 = 0;
  if (qe > 0) {
    e1 = floorDiv(em, pe);
    e0 = em - e1 * pe;
  }
  const q1 = n1 * pb + m1; // ⌊Q⌋
  if (!(q1 <= MAX)) return TOO_LARGE;
  let whole = q1 - e1;
  const fd = g * pe;
  let fn = m0 * pe - e0 * g; // |fn| < fd: exact
  if (fn < 0) {
    fn += fd; // exact: 0 ≤ fn + fd < fd
    whole -= 1;
  }
  if (!(whole >= 0)) return null; // a negative lump sum: the decimal path says why
  // whole + fn/fd, rounded once: fn/fd is far finer than the grid of the sum, so the addition
  // rounds as the exact value would, unless it lands exactly on a midpoint (then decimal decides).
  const v = fn / fd;
  if (whole === 0) return v;
  const t = whole + v;
  const err = v - (t - whole); // exact (Fast2Sum: whole ≥ 1 > v)
  if (err !== 0 && t + 2 * err - t === 2 * err) return null;
  return t;
}

/**
 * Σ attributable / Σ total over the cells of two same-shaped ranges (row by row), exactly: one
 * division of exact integer sums. Null when a value is not a short decimal, a check of the core
 * would fail (negative, attributable above its total, no total) or a sum leaves the exact range.
 */
export function ratioOfSumsExact(attributable: readonly number[], total: readonly number[]): number | null {
  if (attributable.length !== total.length || attributable.length === 0) return null;
  let q = 0;
  let whole = true;
  let sa = 0;
  let st = 0;
  for (let i = 0; i < attributable.length; i++) {
    const a = attributable[i];
    const t = total[i];
    if (!(a >= 0) || !(a <= t)) return null;
    if (whole && Number.isInteger(a) && Number.isInteger(t)) {
      sa += a;
      st += t;
      continue;
    }
    whole = false;
    const qa = decimalScale(a);
    const qt = decimalScale(t);
    if (qa < 0 || qt < 0) return null;
    if (qa > q) q = qa;
    if (qt > q) q = qt;
  }
  if (!whole) {
    sa = 0;
    st = 0;
    for (let i = 0; i < attributable.length; i++) {
      sa = add(sa, scaled(attributable[i], q));
      st = add(st, scaled(total[i], q));
    }
  }
  if (!(st > 0) || !(sa <= MAX) || !(st <= MAX)) return null;
  return sa / st;
}
