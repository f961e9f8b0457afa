// LUMPSUM in the filtered evaluation.
import { add, div, decide, decided, EPS, MARGIN, mul, quotientParts, R, SPLIT } from "./doubleDouble";
import { GAPS, IN, readAll } from "./shortestDecimal";
import { intoIn, sumRead, WHOLE, wholeApart } from "./sums";

/**
 * LUMPSUM: ((C − S) × PW + S × fte) / fte(base) − effect, C the sum of the cost lines. NaN when
 * undecided or when the core would refuse an input (the decimal path names it).
 */
export function lumpSumFiltered(
  lines: readonly number[],
  s: number,
  b: number,
  f: number,
  p: number,
  e: number,
): number {
  return intoIn(lines, 0, 5) ? lumpSumOfRange(lines.length, s, b, f, p, e) : NaN;
}

/** lumpSumFiltered over the cost lines in IN[0 … n−1], with room for 5 more values after them. */
export function lumpSumOfRange(n: number, s: number, b: number, f: number, p: number, e: number): number {
  if (!(s >= 0 && b > 0 && f > 0 && p >= 0 && p <= f && e >= 0)) return NaN;
  // The whole cost lines summed exactly apart (every line ≥ 0); the others read with every scalar
  // input in one call: S, PW, fte, fte(base), effect.
  const k = wholeApart(0, n, 0);
  if (k < 0) return NaN;
  IN[k] = s;
  IN[k + 1] = p;
  IN[k + 2] = f;
  IN[k + 3] = b;
  IN[k + 4] = e;
  if (!readAll(0, k + 5)) return NaN;
  const whole = WHOLE[0];
  const cAbs = WHOLE[1];
  if (k > 0) {
    sumRead(0, k, n <= 64);
    add(R[0], R[1], whole, 0);
  } else {
    R[0] = whole; // whole euros (the usual case): exact
    R[1] = 0;
  }
  const ch = R[0];
  const cl = R[1];
  const m = (n + 12) * EPS;
  const sh = s;
  const sl = GAPS[k];
  const pl = GAPS[k + 1];
  const fl = GAPS[k + 2];
  const bl = GAPS[k + 3];
  const el = GAPS[k + 4];
  // S ≤ C, decided exactly (else the decimal path refuses or decides)
  add(ch, cl, -sh, -sl);
  const dh = R[0];
  const dl = R[1];
  if (!(dh > m * (cAbs + s))) return dh === 0 && dl === 0 ? lumpSumEqualCosts(sh, sl, b, bl, f, fl, e, el, m) : NaN;
  // N = (C − S)·PW + S·fte, each product exactly as h + e (Dekker), the low parts to first order
  // with the decimal gaps; then N / fte(base) as a quotient plus one correction, less the effect.
  let t = SPLIT * dh;
  const dhh = t - (t - dh);
  const dhl = dh - dhh;
  t = SPLIT * p;
  const phh = t - (t - p);
  const phl = p - phh;
  const n1h = dh * p;
  const n1l = dhh * phh - n1h + dhh * phl + dhl * phh + dhl * phl + dl * p + dh * pl;
  t = SPLIT * s;
  const shh = t - (t - s);
  const shl = s - shh;
  t = SPLIT * f;
  const fhh = t - (t - f);
  const fhl = f - fhh;
  const n2h = s * f;
  const n2l = shh * fhh - n2h + shh * fhl + shl * fhh + shl * fhl + sl * f + s * fl;
  const nh = n1h + n2h;
  const bb = nh - n1h;
  const nl = n1h - (nh - bb) + (n2h - bb) + n1l + n2l;
  // The bound grows with the cost lines (their sum's own rounding), from 2^-90 of the sizes.
  const size = (((cAbs + s) * p + s * f) / b) * (1 + n / 256);
  quotientParts(nh, nl, b, bl);
  if (e === 0) return decide(R[0], R[1], size * MARGIN);
  const q = R[0];
  const rh = q - e;
  const bv = rh - q;
  const rl = q - (rh - bv) + (-e - bv) + R[1] - el;
  const bound = (size + e) * MARGIN;
  if (!(rh > bound)) return NaN; // a negative (or nearly zero) lump sum: the decimal path decides
  return decide(rh, rl, bound);
}

/** LUMPSUM when C = S exactly: S × fte / fte(base) − effect (each input with its gap). */
function lumpSumEqualCosts(
  sh: number,
  sl: number,
  b: number,
  bl: number,
  f: number,
  fl: number,
  e: number,
  el: number,
  m: number,
): number {
  mul(sh, sl, f, fl);
  div(R[0], R[1], b, bl);
  return minusEffect(e, el, (Math.abs(sh) * f) / b, m);
}

/** H + L (the lump sum before the effect, of absolute size `before`) less the effect e + el, checked ≥ 0. */
function minusEffect(e: number, el: number, before: number, m: number): number {
  const qh = R[0];
  const ql = R[1];
  if (e === 0) return decided(m * before);
  add(qh, ql, -e, -el);
  const bound = m * (before + e) * 1.01;
  if (!(R[0] > bound)) return NaN; // a negative (or nearly zero) lump sum: the decimal path decides
  return decided(bound);
}
