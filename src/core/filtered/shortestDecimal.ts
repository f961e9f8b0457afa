// Reading a double as the decimal decimal.js reads: d(x), the shortest decimal that reads back as
// x, found without text as x + c, the gap c known to about 2^-105 of x.
import { R, SPLIT } from "./doubleDouble";

const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
const LITTLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
export const HI = LITTLE ? 1 : 0;
export const LO = LITTLE ? 0 : 1;
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
 * units, 5^j · 2^(31−s). UNIT[8e + 4s + k] for the sign s (1 when negative):
 * −(−1)^s · 2^-32 · 10^-(j+k), to turn such a fraction of z·10^k into the gap of x. Exported, with
 * TENS, HI and LO, for pooledRatio.ts, which writes these steps out in its own loop.
 */
export const MUL = new Int32Array(2048);
export const HALF = new Float64Array(2048);
export const UNIT = new Float64Array(2048 * 8);
for (let e = 1; e < 2047; e++) {
  const j = SCALE[e];
  const s = 1075 - e - j;
  if (j < 0 || j + 2 > 22 || s < 3 || s > 32) continue;
  let p = 1;
  for (let i = 0; i < j; i++) p = Math.imul(p, 5);
  MUL[e] = p << (32 - s);
  HALF[e] = 5 ** j * 2 ** (31 - s);
  for (let k = 0; k < 3; k++) {
    UNIT[8 * e + k] = -(2 ** -32) / 10 ** (j + k);
    UNIT[8 * e + 4 + k] = 2 ** -32 / 10 ** (j + k);
  }
}
/** 10^k as 32-bit integers, for k = 0, 1, 2. */
export const TENS = Int32Array.of(1, 10, 100, 0);
/** Adding and subtracting 1.5 · 2^52 rounds a double below 2^51 to a whole number. */
const MAGIC = 6755399441055744;

/** How many values IN holds: a range of this many cells is read without allocating. */
export const CAPACITY = 4096;
/** The values read, filled by the caller (the fast paths and the functions' range reading), and their words. */
export const IN = new Float64Array(CAPACITY);
const IN_WORDS = new Int32Array(IN.buffer);
/** The gaps d(x) − x of IN[from … to−1] after readAll(from, to). */
export const GAPS = new Float64Array(CAPACITY);
/** The last value read at each place of IN, and its gap: a sheet passes the same norms and base-year figures again and again. */
const LAST = new Float64Array(CAPACITY).fill(NaN);
const LAST_GAP = new Float64Array(CAPACITY);

/**
 * d(x), the shortest decimal that reads back as x (the closest such when several), as H + L with
 * H = x; false when x is not read here (|x| < 1e-8 or ≥ 1e14 and not whole, subnormal, or a
 * boundary case). With z = |x| · 10^j in [10^14, 10^15) exactly (H + L of twoProd; z < 2^52, so
 * z = n + g with n the nearest whole and |g| ≤ 1/2), the rounding interval of x is z ± hz,
 * hz = ulp(x)/2 · 10^j (below a power of 2, half that), between 0.005 and 0.11. The decimal of
 * the fewest digits in it is n when inside (at most 15 digits), else the nearest tenth of z (16),
 * else the nearest hundredth (17 digits; the interval is then wider than 0.01).
 */
export function read(x: number): boolean {
  IN[0] = x;
  if (!readAll(0, 1)) return false;
  R[0] = x;
  R[1] = GAPS[0];
  return true;
}

/**
 * read for IN[from … to−1], their gaps into GAPS; false when one is not read. One call for all of
 * a function's inputs (this body is too large for the compiler to take into its callers).
 *
 * From about 256 up (euros, fte) z has at most 32 bits after the point, so its fraction is the
 * low word of the mantissa times 5^j mod 2^32, and the fractions of 10z and 100z are 10 and 100
 * times that, mod 2^32: exact integer products, compared exactly with the interval's half width. The lengths count only
 * relative to each other, so z may reach 2·10^15 (one binade, no second scale): the interval then
 * holds at most one whole number (half width below 0.23) and always a tenth (above 0.05).
 * Whole numbers and powers of 2 come out with gap 0 (z whole), as they should.
 */
export function readAll(from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const x = IN[i];
    if (x === LAST[i]) {
      GAPS[i] = LAST_GAP[i];
      continue;
    }
    const hi = IN_WORDS[2 * i + HI];
    const e = (hi >>> 20) & 2047; // the biased exponent, without the sign
    // (z·10^k − the nearest whole) · 2^32, a signed 32-bit integer, for k = 0, 1.
    const g0 = Math.imul(IN_WORDS[2 * i + LO], MUL[e]);
    const g1 = Math.imul(g0, 10);
    const h0 = HALF[e];
    const d0 = Math.abs(g0) - h0; // exact: multiples of 1/2 below 2^33
    const d1 = Math.abs(g1) - h0 * 10;
    // Booleans as 0 or 1 (no branch): k, the fewest digits inside the interval (else 2: the nearest).
    const in0 = ((d0 < 0) as unknown as number) | 0;
    const in1 = ((d1 < 0) as unknown as number) & ~in0;
    const k = 2 - 2 * in0 - in1;
    const gk = Math.imul(g0, TENS[k]);
    // Exactly on the interval's edge, halfway between two decimals, or not this case (the tables'
    // zeros give d0 = 0): the steps in doubles.
    if (d0 * d1 === 0 || gk === -2147483648) {
      // Whole, seen before (see readDoubles), or read in doubles.
      const a = Math.abs(x); // −0 too: the sign bit stays out of the exponent
      const slot = (IN_WORDS[2 * i + LO] ^ hi) & 255;
      if (Number.isInteger(x) && a <= 9007199254740992) GAPS[i] = 0;
      else if (SEEN[slot] === a) GAPS[i] = x < 0 ? -GAP[slot] : GAP[slot];
      else if (!readDoubles(x, a, e, hi & 0x7fffffff, slot)) return false;
      else GAPS[i] = R[1];
    } else GAPS[i] = gk * UNIT[8 * e + ((hi >>> 29) & 4) + k];
    LAST[i] = x;
    LAST_GAP[i] = GAPS[i];
  }
  return true;
}

/**
 * d(x) − x for a number below readAll's tables (below about 256, where h0 is 0), by read's steps
 * in doubles; NaN when those leave it (the caller then takes its slower path). For callers that
 * write readAll's integer steps out themselves (pooledRatio.ts).
 */
export function gapBelowTables(x: number): number {
  bits[0] = x;
  const hi = words[HI];
  return readDoubles(x, Math.abs(x), (hi >>> 20) & 2047, hi & 0x7fffffff, (words[LO] ^ hi) & 255) ? R[1] : NaN;
}

/**
 * read's steps in doubles, for numbers below 256 (and above 2^32 ulps), neither whole nor in the
 * cache: the same candidates from a double-double z.
 */
function readDoubles(x: number, a: number, e: number, hi: number, slot: number): boolean {
  bits[0] = a; // its low word, for readCarefully
  const neg = x < 0;
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

/** Exposed for the property tests: d(x) as [x, c], or null when not read here. */
export function shortestDecimalParts(x: number): [number, number] | null {
  return read(x) ? [R[0], R[1]] : null;
}
