// Filtered evaluation: the decimal core's double at plain-number speed, for any input double.
//
// The decimal path reads a number x as its shortest decimal d(x) (what x.toString() prints), computes
// in 34 significant digits and returns the double nearest its result. Here d(x) is found without
// text, as a double-double (x + c, c the gap to the decimal, known to about 2^-105 of x); the
// formula runs in double-double (about 2^-104 per step); and a rigorous bound covers both our
// errors and the decimal path's 34-digit roundings:
//   |ours − decimal| ≤ m · 2^-99 · A,
// where m counts the inputs and steps and A is the formula evaluated on absolute values (no
// cancellation). When every value within that bound rounds to the same double, that double is the
// decimal path's answer; otherwise (within about 2^-50 of a rounding midpoint, or an input this
// module does not read) the caller takes the decimal path. Every function returns NaN for "take the
// decimal path", also for inputs the core would refuse, so the decimal path gives the error.

/** Registers of the last double-double result (no allocation in the hot loops). */
const R = new Float64Array(3); // H, L (and the absolute sum of sumOf): typed, so writes do not box doubles

const SPLIT = 134217729; // 2^27 + 1
/** Per input and per step: double-double steps err by a few 2^-106, the decimal path's by 2^-110. */
const EPS = 2 ** -99;
/**
 * The fast paths' margin: 2^-90 of the result, far above their error (below 2^-96 of it: the
 * decimal reading to 2^-100 per input, the double steps on terms of an ulp or less, the decimal
 * path's 34 digits), so a result is undecided only within 2^-90 of a rounding midpoint.
 */
const MARGIN = 2 ** -90;
const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/** a × b exactly as H + L (Dekker; |a|, |b| < 2^996). */
function twoProd(a: number, b: number): void {
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
function productError(a: number, b: number, p: number): number {
  let t = SPLIT * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return ah * bh - p + ah * bl + al * bh + al * bl;
}

/** (ah + al) + (bh + bl), accurate also under cancellation. */
function add(ah: number, al: number, bh: number, bl: number): void {
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
function mul(ah: number, al: number, bh: number, bl: number): void {
  twoProd(ah, bh);
  const p = R[0];
  const e = R[1] + (ah * bl + al * bh);
  const h = p + e;
  R[0] = h;
  R[1] = e - (h - p);
}

/** (ah + al) / (bh + bl), bh ≠ 0: one division; the remainder, exact by twoProd, corrects the quotient. */
function div(ah: number, al: number, bh: number, bl: number): void {
  const inv = 1 / bh;
  const q1 = ah * inv;
  twoProd(q1, bh);
  const r = ah - R[0] - R[1] + al - q1 * bl; // ah − R[0] is exact (Sterbenz)
  const q2 = r * inv;
  const h = q1 + q2;
  R[0] = h;
  R[1] = q2 - (h - q1);
}

// ---- reading a double as the decimal decimal.js reads --------------------------------------------

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
const LITTLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const HI = LITTLE ? 1 : 0;
const LO = LITTLE ? 0 : 1;
/** Half an ulp of a normal double of biased exponent e: 2^(e − 1076). */
const HALF_ULP = Float64Array.from({ length: 2047 }, (_, e) => 2 ** (e - 1076));
/** j with |x| · 10^j in [10^14, 10^16) for a double of biased exponent e, or -1 when j would leave 0…22. */
const SCALE = Int32Array.from({ length: 2047 }, (_, e) => {
  const j = 14 - Math.floor((e - 1023) * Math.log10(2));
  return e === 0 || j < 0 || j > 23 ? -1 : Math.min(j, 22);
});
/** 10^j split in halves of 26 bits (Dekker), for the exact product in read. */
const P10_HI = Float64Array.from(POW10, (p) => SPLIT * p - (SPLIT * p - p));
const P10_LO = Float64Array.from(POW10, (p, j) => p - P10_HI[j]);
/** The last numbers read per slot and their gaps d(a) − a. */
const SEEN = new Float64Array(256).fill(NaN);
const GAP = new Float64Array(256);
/** 10^-j, to divide by a multiplication. */
const INV10 = Float64Array.from(POW10, (p) => 1 / p);
/**
 * readAll's tables per biased exponent e, for z = |x| · 10^j (j = SCALE[e], z in [10^14, 2·10^15))
 * with s bits after the point, 3 ≤ s ≤ 32 (from about 256 up); zeros elsewhere. MUL[e]:
 * 5^j · 2^(32−s) mod 2^32, so that the low word of the mantissa times it, mod 2^32, is
 * (z − the nearest whole) · 2^32. HALF[e]: the half width of the rounding interval of z in the same
 * units, 5^j · 2^(31−s). UNIT[4e + k]: 2^-32 · 10^-(j+k), to turn such a fraction of z·10^k into
 * a gap of x.
 */
const MUL = new Int32Array(2048);
const HALF = new Float64Array(2048);
const UNIT = new Float64Array(2048 * 4);
for (let e = 1; e < 2047; e++) {
  const j = SCALE[e];
  const s = 1075 - e - j;
  if (j < 0 || j + 2 > 22 || s < 3 || s > 32) continue;
  let p = 1;
  for (let i = 0; i < j; i++) p = Math.imul(p, 5);
  MUL[e] = p << (32 - s);
  HALF[e] = 5 ** j * 2 ** (31 - s);
  for (let k = 0; k < 3; k++) UNIT[4 * e + k] = 2 ** -32 / 10 ** (j + k);
}
/** Adding and subtracting 1.5 · 2^52 rounds a double below 2^51 to a whole number. */
const MAGIC = 6755399441055744;

/**
 * d(x), the shortest decimal that reads back as x (the closest such when several), as H + L with
 * H = x; false when x is not read here (|x| < 1e-8 or ≥ 1e14 and not whole, subnormal, or a
 * boundary case). With z = |x| · 10^j in [10^14, 10^15) exactly (H + L of twoProd; z < 2^52, so
 * z = n + g with n the nearest whole and |g| ≤ 1/2), the rounding interval of x is z ± hz,
 * hz = ulp(x)/2 · 10^j (below a power of 2, half that), between 0.005 and 0.11. The decimal of
 * the fewest digits in it is n when inside (at most 15 digits), else the nearest tenth of z (16),
 * else the nearest hundredth (17 digits; the interval is then wider than 0.01).
 */
function read(x: number): boolean {
  IN[0] = x;
  if (!readAll(1)) return false;
  R[0] = x;
  R[1] = GAPS[0];
  return true;
}

/** The inputs of readAll, and their gaps d(x) − x after it. */
const IN = new Float64Array(8);
const GAPS = new Float64Array(8);

/**
 * read for IN[0 … n−1] (n ≤ 8), their gaps into GAPS; false when one is not read. One call for all
 * of a function's inputs (this body is too large for the compiler to take into its callers).
 *
 * From about 256 up (euros, fte) z has at most 32 bits after the point, so its fraction is the
 * low word of the mantissa times 5^j mod 2^32, and the fractions of 10z and 100z are 10 and 100
 * times that, mod 2^32: exact integer products, compared exactly with the interval's half width. The lengths count only
 * relative to each other, so z may reach 2·10^15 (one binade, no second scale): the interval then
 * holds at most one whole number (half width below 0.23) and always a tenth (above 0.05).
 * Whole numbers and powers of 2 come out with gap 0 (z whole), as they should.
 */
function readAll(n: number): boolean {
  for (let i = 0; i < n; i++) {
    const x = IN[i];
    const a = Math.abs(x); // −0 too: the sign bit stays out of the exponent
    bits[0] = a;
    const lo = words[LO];
    const e = words[HI] >>> 20;
    // (z·10^k − the nearest whole) · 2^32, a signed 32-bit integer, for k = 0, 1, 2.
    const g0 = Math.imul(lo, MUL[e]);
    const g1 = Math.imul(g0, 10);
    const g2 = Math.imul(g1, 10);
    const a0 = Math.abs(g0);
    const a1 = Math.abs(g1);
    const h0 = HALF[e];
    const h1 = h0 * 10;
    // Booleans as 0 or 1 (no branch): the fewest digits inside the interval, then the nearest.
    const m0 = ((a0 < h0) as unknown as number) | 0;
    const m1 = ((a1 < h1) as unknown as number) & ~m0;
    const gs = (g0 & -m0) | (g1 & -m1) | (g2 & (m0 + m1 - 1));
    // Exactly on the interval's edge, halfway between two decimals, or not this case (the tables'
    // zeros give a0 = h0 = 0): the steps in doubles.
    if (a0 === h0 || a1 === h1 || gs === -2147483648) {
      const slot = (lo ^ words[HI]) & 255;
      if (Number.isInteger(x) && a <= 9007199254740992) GAPS[i] = 0;
      else if (SEEN[slot] === a)
        GAPS[i] = x < 0 ? -GAP[slot] : GAP[slot]; // see readDoubles
      else if (!readDoubles(x, a, words[HI] >>> 20, words[HI])) return false;
      else GAPS[i] = R[1];
    } else {
      const c = -gs * UNIT[4 * e + 2 - 2 * m0 - m1];
      GAPS[i] = x < 0 ? -c : c;
    }
  }
  return true;
}

/** read's steps in doubles, for numbers below 256 (and above 2^32 ulps): the same candidates from a double-double z. */
function readDoubles(x: number, a: number, e: number, hi: number): boolean {
  if (Number.isInteger(x) && a <= 9007199254740992) {
    R[0] = x;
    R[1] = 0;
    return true;
  }
  const neg = x < 0;
  // A sheet passes the same numbers again and again (a share, a rate): a small direct-mapped
  // cache of d(a) − a skips the work for them.
  const slot = (words[LO] ^ hi) & 255;
  if (SEEN[slot] === a) {
    R[0] = x;
    R[1] = neg ? -GAP[slot] : GAP[slot];
    return true;
  }
  // The usual case, without a data-dependent branch: the three candidates (15, 16 and 17 digits)
  // at once, chosen by masks; a value near any boundary or tie (flagged by one product of the
  // distances, each factor at most 0.5) goes on to the careful steps below.
  let j = SCALE[e];
  if (j >= 0 && (hi & 0xfffff) !== 0) {
    let b = POW10[j];
    let zh = a * b;
    if (zh >= 1e15 && j > 0) {
      j--;
      b = POW10[j];
      zh = a * b;
    }
    if (zh >= 1e14 && zh < 1e15) {
      const t = SPLIT * a;
      const ah = t - (t - a);
      const al = a - ah;
      const bh = P10_HI[j];
      const bl = P10_LO[j];
      const zl = ah * bh - zh + ah * bl + al * bh + al * bl;
      const hz = HALF_ULP[e] * b; // in (0.0055, 0.112): the nearest hundredth is always inside
      const n = zh + MAGIC - MAGIC;
      const g = zh - n + zl;
      const d1 = (g * 10 + MAGIC - MAGIC) * 0.1 - g;
      const d2 = (g * 100 + MAGIC - MAGIC) * 0.01 - g;
      const a0 = Math.abs(g);
      const a1 = Math.abs(d1);
      const a2 = Math.abs(d2);
      // Any factor within 1e-9 of 0 makes |P| < 1e-9 · 0.5 · 0.112 · 0.05 = 2.8e-12.
      const P = (a0 - hz) * (a1 - hz) * (0.05 - a1) * (0.005 - a2);
      if (Math.abs(P) >= 2.8e-12) {
        // Booleans as 0 or 1 (no branch): the shortest candidate inside the interval.
        const m0 = ((a0 < hz) as unknown as number) | 0;
        const m1 = ((a1 < hz) as unknown as number) & ~m0;
        const c = (m0 * -g + m1 * d1 + (1 - m0 - m1) * d2) * INV10[j];
        SEEN[slot] = a;
        GAP[slot] = c;
        R[0] = x;
        R[1] = neg ? -c : c;
        return true;
      }
    }
  }
  return readCarefully(x, a, neg, e, hi, slot);
}

/** read's careful steps: a value near a boundary between candidates, a tie, or a power of 2. */
function readCarefully(x: number, a: number, neg: boolean, e: number, hi: number, slot: number): boolean {
  let j = SCALE[e];
  if (j < 0) return false;
  if (a * POW10[j] >= 1e15) {
    if (j === 0) return false;
    j--;
  }
  // z = a × 10^j exactly as zh + zl (Dekker's product, 10^j pre-split), inlined: this is the hot path.
  const b = POW10[j];
  const zh = a * b;
  if (zh < 1e14 || zh >= 1e15) return false;
  const t = SPLIT * a;
  const ah = t - (t - a);
  const al = a - ah;
  const bh = P10_HI[j];
  const bl = P10_LO[j];
  const zl = ah * bh - zh + ah * bl + al * bh + al * bl;
  const hz = HALF_ULP[e] * b;
  const n = zh + MAGIC - MAGIC; // the nearest whole (zh < 2^51)
  const g = zh - n + zl; // z − n, to about 2^-50
  const pow2 = (hi & 0xfffff) === 0 && words[LO] === 0;
  let d = -g; // candidate − z
  let ad = d < 0 ? -d : d;
  if (!(ad < hz - 1e-9)) {
    if (ad < hz + 1e-9) return false; // on a boundary: the decimal path decides
    // The nearest tenth (ties to the even digit, as JavaScript prints).
    const t1 = g * 10 + MAGIC - MAGIC;
    d = t1 * 0.1 - g;
    ad = d < 0 ? -d : d;
    let edge = d < 0 && pow2 ? hz * 0.5 : hz;
    if (ad < edge - 1e-9) {
      if (ad > 0.05 - 1e-9 && !exactTie(g, 10, zl, pow2)) return false;
    } else {
      if (ad < edge + 1e-9) return false;
      // 17 digits: the nearest hundredth.
      const t2 = g * 100 + MAGIC - MAGIC;
      d = t2 * 0.01 - g;
      ad = d < 0 ? -d : d;
      edge = d < 0 && pow2 ? hz * 0.5 : hz;
      if (ad > edge - 1e-9) return false;
      if (ad > 0.005 - 1e-9 && !exactTie(g, 100, zl, pow2)) return false;
    }
  } else if (d < 0 && pow2 && !(ad < hz * 0.5 - 1e-9)) return false;
  const c = d * INV10[j]; // c to 2^-52 of itself, d(x) to 2^-105 of x
  SEEN[slot] = a;
  GAP[slot] = c;
  R[0] = x;
  R[1] = neg ? -c : c;
  return true;
}

/**
 * Whether z's digit after the last kept one is exactly 5 (g · m an exact half, z exact in one
 * double): a true tie, which JavaScript breaks to the even digit as the magic rounding does.
 */
function exactTie(g: number, m: number, zl: number, pow2: boolean): boolean {
  const y = g * m;
  return zl === 0 && !pow2 && y / m === g && Math.abs(y - Math.round(y)) === 0.5;
}

/** The double nearest H + L when every value within `bound` of it rounds there; else NaN. */
function decided(bound: number): number {
  const h = R[0];
  const l = R[1];
  const b = bound * 1.001 + Math.abs(l) * 2 ** -50 + Number.MIN_VALUE;
  return h + (l - b) === h && h + (l + b) === h ? h + 0 : NaN;
}

// ---- the functions' formulas --------------------------------------------------------------------

/** The running sum of sumOf, as H + L. */
const ACC = new Float64Array(2);

/**
 * Σ d(values) as H + L, and its absolute sum in R[2]; false when a value is not read. Whole values
 * are summed exactly apart; the others are read eight at a time (readAll) and added in.
 */
function sumOf(values: readonly number[]): boolean {
  let whole = 0;
  let abs = 0;
  let k = 0;
  const plain = values.length <= 64;
  ACC[0] = 0;
  ACC[1] = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    abs += v < 0 ? -v : v;
    if (Number.isInteger(v) && v < 4503599627370496 && v > -4503599627370496) {
      whole += v;
      if (whole > 4503599627370496 || whole < -4503599627370496) return false;
      continue;
    }
    IN[k++] = v;
    if (k === 8) {
      if (!accumulate(k, plain)) return false;
      k = 0;
    }
  }
  if (k > 0 && !accumulate(k, plain)) return false;
  add(ACC[0], ACC[1], whole, 0);
  R[2] = abs;
  return true;
}

/** Adds d(IN[0 … k−1]) to ACC. */
function accumulate(k: number, plain: boolean): boolean {
  if (!readAll(k)) return false;
  let sh = ACC[0];
  let sl = ACC[1];
  for (let i = 0; i < k; i++) {
    const v = IN[i];
    if (plain) {
      // Up to 64 values: the high parts by TwoSum, their errors and the decimal gaps summed plainly
      // (each of those terms is below 2^-52 of Σ|x|, so their rounding stays below n² · 2^-105 Σ|x|).
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
  ACC[0] = sh;
  ACC[1] = sl;
  return true;
}

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
  if (!(s >= 0 && b > 0 && f > 0 && p >= 0 && p <= f && e >= 0)) return NaN;
  for (let i = 0; i < lines.length; i++) if (!(lines[i] >= 0)) return NaN;
  if (!sumOf(lines)) return NaN;
  const ch = R[0];
  const cl = R[1];
  const cAbs = R[2];
  const m = (lines.length + 12) * EPS;
  // Every scalar input read in one call: S, PW, fte, fte(base), effect.
  IN[0] = s;
  IN[1] = p;
  IN[2] = f;
  IN[3] = b;
  IN[4] = e;
  if (!readAll(5)) return NaN;
  const sh = s;
  const sl = GAPS[0];
  const pl = GAPS[1];
  const fl = GAPS[2];
  const bl = GAPS[3];
  const el = GAPS[4];
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
  const size = (((cAbs + s) * p + s * f) / b) * (1 + lines.length / 256);
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

/** EXTRA_COSTS: C × fte / fte(base) over the summed cost lines. */
export function extraCostsFiltered(lines: readonly number[], b: number, f: number): number {
  if (!(b > 0 && f > 0)) return NaN;
  const n = lines.length;
  if (n > 6) return extraCostsOfMany(lines, b, f);
  // Up to six lines: the lines, fte and fte(base) read in one call, the lines summed as in sumOf.
  let abs = 0;
  for (let i = 0; i < n; i++) {
    const v = lines[i];
    if (!(v >= 0)) return NaN;
    IN[i] = v;
    abs += v;
  }
  IN[n] = f;
  IN[n + 1] = b;
  if (!readAll(n + 2)) return NaN;
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
  // quotient plus one correction (see quotientFiltered).
  const nh = ch * f;
  const nl = productError(ch, f, nh) + cl * f + ch * GAPS[n];
  return quotientOf(nh, nl, b, GAPS[n + 1], (abs * f) / b);
}

/**
 * (nh + nl) / (b + bl) rounded, for nh > 0, b > 0, with nl and bl of an ulp or so, when every value
 * within MARGIN · size of q plus its correction rounds alike; NaN otherwise. q = nh / b within two
 * ulps, r = nh − q·b exactly (Dekker; nh − ph is exact by Sterbenz), and the quotient less q is
 * (r + nl − q·bl) / (b + bl), known to 2^-50 of itself.
 */
function quotientOf(nh: number, nl: number, b: number, bl: number, size: number): number {
  quotientParts(nh, nl, b, bl);
  return decide(R[0], R[1], size * MARGIN);
}

/** quotientOf's q and correction, into R[0] and R[1]. */
function quotientParts(nh: number, nl: number, b: number, bl: number): void {
  const inv = 1 / b;
  const q = nh * inv;
  const ph = q * b;
  R[0] = q;
  R[1] = (nh - ph - productError(q, b, ph) + nl - q * bl) * inv;
}

/** The double nearest h + l, when h + l − bound and h + l + bound round to it alike; else NaN. */
function decide(h: number, l: number, bound: number): number {
  const lo = h + (l - bound);
  return lo === h + (l + bound) ? lo + 0 : NaN;
}

/** extraCostsFiltered over more than six lines. */
function extraCostsOfMany(lines: readonly number[], b: number, f: number): number {
  for (let i = 0; i < lines.length; i++) if (!(lines[i] >= 0)) return NaN;
  if (!sumOf(lines)) return NaN;
  const ch = R[0];
  const cl = R[1];
  const abs = R[2];
  if (ch === 0) return NaN;
  IN[0] = f;
  IN[1] = b;
  if (!readAll(2)) return NaN;
  const bl = GAPS[1];
  mul(ch, cl, f, GAPS[0]);
  div(R[0], R[1], b, bl);
  return decided((lines.length + 6) * EPS * ((abs * f) / b) * 1.01);
}

/**
 * x / y for x > 0, y > 0 (PW_SHARE, LUMPSUM_PER_FTE, QUASI_INHOUSE_PCT by year), in doubles with
 * one correction: q = x / y (within two ulps), r = x − q·y exactly (Dekker's product; x − ph is
 * exact by Sterbenz), and d(x)/d(y) − q = (r + cx − q·cy) / d(y), a few ulps of q known to 2^-50 of
 * itself. Every value within the margin of q + that correction rounding alike decides the result.
 */
export function quotientFiltered(x: number, y: number): number {
  if (!(x > 0 && y > 0)) return NaN;
  IN[0] = x;
  IN[1] = y;
  if (!readAll(2)) return NaN;
  return quotientOf(x, GAPS[0], y, GAPS[1], x / y);
}

/**
 * a × b × c × d, all > 0 (ADDED_VALUE_EFFECT), straight-line: each product exactly as h + e
 * (Dekker), and the low part carried to first order with the decimal gaps (the dropped products
 * of two gaps or a gap and a low part are below 2^-100 of the result).
 */
export function productFiltered(a: number, b: number, c: number, d: number): number {
  if (!(a > 0 && b > 0 && c > 0 && d > 0)) return NaN;
  IN[0] = a;
  IN[1] = b;
  IN[2] = c;
  IN[3] = d;
  if (!readAll(4)) return NaN;
  const h1 = a * b;
  const l1 = productError(a, b, h1) + a * GAPS[1] + GAPS[0] * b;
  const h2 = h1 * c;
  const l2 = productError(h1, c, h2) + l1 * c + h1 * GAPS[2];
  const h3 = h2 * d;
  const l3 = productError(h2, d, h3) + l2 * d + h2 * GAPS[3];
  return decide(h3, l3, h3 * MARGIN);
}

/** Σ x / Σ y over non-negative values, Σ y > 0 (QUASI_INHOUSE_PCT, LUMPSUM_PCT_PBUDGET). */
export function ratioOfSumsFiltered(x: readonly number[], y: readonly number[]): number {
  const nx = x.length;
  const n = nx + y.length;
  if (n > 8) return ratioOfManySums(x, y);
  // Up to eight values: all read in one call, each sum as in sumOf.
  for (let i = 0; i < nx; i++) IN[i] = x[i];
  for (let i = nx; i < n; i++) IN[i] = y[i - nx];
  if (!readAll(n)) return NaN;
  let xh = 0;
  let xl = 0;
  let xAbs = 0;
  for (let i = 0; i < nx; i++) {
    const v = IN[i];
    const s = xh + v;
    const bb = s - xh;
    xl += xh - (s - bb) + (v - bb) + GAPS[i];
    xh = s;
    xAbs += v < 0 ? -v : v;
  }
  let yh = 0;
  let yl = 0;
  let yAbs = 0;
  for (let i = nx; i < n; i++) {
    const v = IN[i];
    const s = yh + v;
    const bb = s - yh;
    yl += yh - (s - bb) + (v - bb) + GAPS[i];
    yh = s;
    yAbs += v < 0 ? -v : v;
  }
  if (!(yh > 0) || !(xh > 0)) return NaN;
  return quotientOf(xh, xl, yh, yl, (xAbs / yAbs) * 1.01);
}

/** ratioOfSumsFiltered over more than eight values. */
function ratioOfManySums(x: readonly number[], y: readonly number[]): number {
  if (!sumOf(x)) return NaN;
  const xh = R[0];
  const xl = R[1];
  const xAbs = R[2];
  if (!sumOf(y)) return NaN;
  if (!(R[0] > 0) || xh === 0) return NaN;
  const yAbs = R[2];
  div(xh, xl, R[0], R[1]);
  return decided((x.length + y.length + 4) * EPS * (xAbs / yAbs) * 1.01 * (1 + 1e-12));
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
  if (!sumOf(x)) return NaN;
  const xh = R[0];
  const xl = R[1];
  const xAbs = R[2];
  if (!sumOf(y)) return NaN;
  if (!(R[0] > 0)) return NaN;
  const yh = R[0];
  const yl = R[1];
  const yAbs = R[2];
  // Σx − t·Σy, with no division: its sign decides.
  if (!read(t)) return NaN;
  mul(yh, yl, R[0], R[1]);
  add(xh, xl, -R[0], -R[1]);
  const bound = (x.length + y.length + 6) * EPS * (xAbs + Math.abs(t) * yAbs) * 1.01;
  return R[0] > bound ? 1 : R[0] < -bound ? 0 : NaN;
}

/**
 * OCCUPANCY_PROJECTION's rows (Wsw, PW, total, change, % change; the base row without change) into
 * `out`, or false when undecided: Wsw × (1 − rate) each year, PW + (inflow − outflow) × fte per
 * person, never below 0. Straight-line in doubles: every value as h + l (products exactly by
 * Dekker, sums by TwoSum, the decimal gaps and low parts to first order), each cell decided within
 * MARGIN of the sizes it was computed from (no cancellation), 50 years erring below 2^-94 of them.
 */
export function occupancyFiltered(
  wsw: number,
  pw: number,
  years: number,
  rate: number,
  inflow: number,
  outflow: number,
  ftePerPerson: number,
  out: (number | string)[][],
): boolean {
  if (!(wsw >= 0 && pw >= 0 && rate >= 0 && rate <= 1 && inflow >= 0 && outflow >= 0)) return false;
  if (!(ftePerPerson >= 0 && ftePerPerson <= 1)) return false;
  // Every input read in one call: rate, inflow, outflow, fte per person, Wsw, PW.
  IN[0] = rate;
  IN[1] = inflow;
  IN[2] = outflow;
  IN[3] = ftePerPerson;
  IN[4] = wsw;
  IN[5] = pw;
  if (!readAll(6)) return false;
  // keep = 1 − rate; step = (inflow − outflow) × fte per person.
  const kh = 1 - rate;
  const kl = -rate - (kh - 1) - GAPS[0]; // (1 − rate) − kh exactly (Fast2Sum, 1 ≥ rate), less the gap
  const keepAbs = 1 + rate;
  const dh = inflow - outflow;
  const bd = dh - inflow;
  const dl = inflow - (dh - bd) + (-outflow - bd) + GAPS[1] - GAPS[2];
  const sh = dh * ftePerPerson;
  const sl = productError(dh, ftePerPerson, sh) + dl * ftePerPerson + dh * GAPS[3];
  const stepAbs = (inflow + outflow) * ftePerPerson;
  let wh = wsw;
  let wl = GAPS[4];
  let ph = pw;
  let pl = GAPS[5];
  let wAbs = wsw;
  let pAbs = pw;
  let th = wh + ph;
  let bb = th - wh;
  let tl = wh - (th - bb) + (ph - bb) + wl + pl;
  let tAbs = wAbs + pAbs;
  const first = cell(th, tl, tAbs);
  if (first !== first) return false;
  const rows: (number | string)[][] = [[wsw, pw, first, "", ""]];
  for (let y = 1; y <= years; y++) {
    const w2 = wh * kh;
    wl = productError(wh, kh, w2) + wl * kh + wh * kl;
    wh = w2;
    wAbs *= keepAbs;
    const p2 = ph + sh;
    bb = p2 - ph;
    pl = ph - (p2 - bb) + (sh - bb) + pl + sl;
    ph = p2;
    pAbs += stepAbs;
    const pb = pAbs * MARGIN;
    if (!(ph + pl > pb)) {
      if (!(ph + pl < -pb)) return false;
      ph = 0; // max(0, …): exactly 0 from here
      pl = 0;
      pAbs = 0;
    }
    const prevH = th;
    const prevL = tl;
    const prevAbs = tAbs;
    th = wh + ph;
    bb = th - wh;
    tl = wh - (th - bb) + (ph - bb) + wl + pl;
    tAbs = wAbs + pAbs;
    const ch = th - prevH;
    bb = ch - th;
    const cl = th - (ch - bb) + (-prevH - bb) + tl - prevL;
    const cAbs = tAbs + prevAbs;
    const w = cell(wh, wl, wAbs);
    const p = pAbs === 0 ? 0 : cell(ph, pl, pAbs);
    const t = cell(th, tl, tAbs);
    const c = cell(ch, cl, cAbs);
    if (w !== w || p !== p || t !== t || c !== c || c === 0 || !(prevH > 0)) return false;
    quotientParts(ch, cl, prevH, prevL);
    const pct = cell(R[0], R[1], cAbs / prevH);
    if (pct !== pct) return false;
    rows.push([w, p, t, c, pct]);
  }
  for (const r of rows) out.push(r);
  return true;
}

/** A cell of h + l computed from values of total size `size`: decided within MARGIN of it, else NaN. */
function cell(h: number, l: number, size: number): number {
  if (size === 0) return h === 0 && l === 0 ? 0 : NaN; // exactly 0 (from zero inputs)
  const bound = size * MARGIN;
  if (!(Math.abs(h) > bound)) return NaN; // near 0: the decimal path decides
  return decide(h, l, bound);
}

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

/** Exposed for the property tests: d(x) as [x, c], or null when not read here. */
export function shortestDecimalParts(x: number): [number, number] | null {
  return read(x) ? [R[0], R[1]] : null;
}
