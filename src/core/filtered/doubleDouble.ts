// Double-double arithmetic for the filtered evaluation: a value as H + L (L below an ulp of H),
// products exact by Dekker's splitting, sums by TwoSum; and the decision whether every value within
// an error bound of H + L rounds to the same double.

/** Registers of the last double-double result (no allocation in the hot loops). */
export const R = new Float64Array(3); // H, L (and the absolute sum of a sum): typed, so writes do not box doubles

export const SPLIT = 134217729; // 2^27 + 1
/** Per input and per step: double-double steps err by a few 2^-106, the decimal path's by 2^-110. */
export const EPS = 2 ** -99;
/**
 * The fast paths' margin: 2^-90 of the result, far above their error (below 2^-96 of it: the
 * decimal reading to 2^-100 per input, the double steps on terms of an ulp or less, the decimal
 * path's 34 digits), so a result is undecided only within 2^-90 of a rounding midpoint.
 */
export const MARGIN = 2 ** -90;

/** a × b exactly as H + L (Dekker; |a|, |b| < 2^996). */
export function twoProd(a: number, b: number): void {
  const p = a * b;
  let t = SPLIT * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b);
  const bl = b - bh;
  R[0] = p;
  R[1] = ah * bh - p + ah * bl + al * bh + al * bl;
}

/** a × b − p exactly, for p = a × b rounded (Dekker). */
export function productError(a: number, b: number, p: number): number {
  let t = SPLIT * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return ah * bh - p + ah * bl + al * bh + al * bl;
}

/** (ah + al) + (bh + bl), accurate also under cancellation. */
export function add(ah: number, al: number, bh: number, bl: number): void {
  let s = ah + bh;
  let bb = s - ah;
  let e = ah - (s - bb) + (bh - bb);
  const t = al + bl;
  bb = t - al;
  const f = al - (t - bb) + (bl - bb);
  e += t;
  let h = s + e;
  e = e - (h - s);
  s = h;
  e += f;
  h = s + e;
  R[0] = h;
  R[1] = e - (h - s);
}

/** (ah + al) × (bh + bl). */
export function mul(ah: number, al: number, bh: number, bl: number): void {
  twoProd(ah, bh);
  const p = R[0];
  const e = R[1] + (ah * bl + al * bh);
  const h = p + e;
  R[0] = h;
  R[1] = e - (h - p);
}

/** (ah + al) / (bh + bl), bh ≠ 0: one division; the remainder, exact by twoProd, corrects the quotient. */
export function div(ah: number, al: number, bh: number, bl: number): void {
  const inv = 1 / bh;
  const q1 = ah * inv;
  twoProd(q1, bh);
  const r = ah - R[0] - R[1] + al - q1 * bl; // ah − R[0] is exact (Sterbenz)
  const q2 = r * inv;
  const h = q1 + q2;
  R[0] = h;
  R[1] = q2 - (h - q1);
}

/** The double nearest H + L when every value within `bound` of it rounds there; else NaN. */
export function decided(bound: number): number {
  const h = R[0];
  const l = R[1];
  const b = bound * 1.001 + Math.abs(l) * 2 ** -50 + Number.MIN_VALUE;
  return h + (l - b) === h && h + (l + b) === h ? h + 0 : NaN;
}

/** The double nearest h + l, when h + l − bound and h + l + bound round to it alike; else NaN. */
export function decide(h: number, l: number, bound: number): number {
  const lo = h + (l - bound);
  return lo === h + (l + bound) ? lo + 0 : NaN;
}

/**
 * (nh + nl) / (b + bl) rounded, for nh > 0, b > 0, with nl and bl of an ulp or so, when every value
 * within MARGIN · size of q plus its correction rounds alike; NaN otherwise. q = nh / b within two
 * ulps, r = nh − q·b exactly (Dekker; nh − ph is exact by Sterbenz), and the quotient less q is
 * (r + nl − q·bl) / (b + bl), known to 2^-50 of itself.
 */
export function quotientOf(nh: number, nl: number, b: number, bl: number, size: number): number {
  const inv = 1 / b;
  const q = nh * inv;
  const ph = q * b;
  return decide(q, (nh - ph - productError(q, b, ph) + nl - q * bl) * inv, size * MARGIN);
}

/** quotientOf's q and correction, into R[0] and R[1]. */
export function quotientParts(nh: number, nl: number, b: number, bl: number): void {
  const inv = 1 / b;
  const q = nh * inv;
  const ph = q * b;
  R[0] = q;
  R[1] = (nh - ph - productError(q, b, ph) + nl - q * bl) * inv;
}
