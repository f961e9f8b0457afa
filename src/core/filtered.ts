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
let H = 0;
let L = 0;

const SPLIT = 134217729; // 2^27 + 1
/** Per input and per step: double-double steps err by a few 2^-106, the decimal path's by 2^-110. */
const EPS = 2 ** -99;
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
  H = p;
  L = ah * bh - p + ah * bl + al * bh + al * bl;
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
  H = h;
  L = e - (h - s);
}

/** (ah + al) × (bh + bl). */
function mul(ah: number, al: number, bh: number, bl: number): void {
  twoProd(ah, bh);
  const p = H;
  const e = L + (ah * bl + al * bh);
  const h = p + e;
  H = h;
  L = e - (h - p);
}

/** (ah + al) / (bh + bl), bh ≠ 0. */
function div(ah: number, al: number, bh: number, bl: number): void {
  const q1 = ah / bh;
  twoProd(q1, bh);
  const r = ah - H - L + al - q1 * bl; // ah − H is exact (Sterbenz)
  const q2 = r / bh;
  const h = q1 + q2;
  H = h;
  L = q2 - (h - q1);
}

// ---- reading a double as the decimal decimal.js reads --------------------------------------------

const bits = new Float64Array(1);
const words = new Uint32Array(bits.buffer);
const LITTLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const HI = LITTLE ? 1 : 0;
const LO = LITTLE ? 0 : 1;
/** ulp(x) for a normal double of biased exponent e: 2^(e − 1075). */
const ULP = Array.from({ length: 2047 }, (_, e) => 2 ** (e - 1075));
const LOG10_2 = Math.log10(2);

/**
 * d(x), the shortest decimal that reads back as x (the closest such when several), as H + L with
 * H = x; false when x is not read here (0 < x < 1e-6, x ≥ 1e17, subnormal, or a boundary case).
 * Short decimals (at most 15 significant digits, typed numbers) are M / 10^q; the rest have 16 or
 * 17 digits, the integers of x · 10^k ∈ [10^16, 10^17) within half an ulp of x.
 */
function read(x: number): boolean {
  if (x === 0 || (Number.isInteger(x) && x <= 9007199254740992 && x >= -9007199254740992)) {
    H = x;
    L = 0;
    return true;
  }
  const neg = x < 0;
  const a = neg ? -x : x;
  bits[0] = a;
  const hi = words[HI];
  const e = hi >>> 20;
  if (e === 0 || e === 2047) return false;
  // Short decimals first: x · 10^q within 2^-20 of an integer M < 10^15 means d(x) = M / 10^q (the
  // only decimal of ≤ 15 digits so close, and every such decimal rounds to a distinct double).
  const e10 = Math.floor((e - 1023) * LOG10_2); // ⌊log10 a⌋ or one less
  let k = 16 - e10;
  if (k < 0 || k > 22) return false;
  twoProd(a, POW10[k]);
  if (H >= 1e17) {
    k--;
    twoProd(a, POW10[k]);
  }
  const yh = H;
  const yl = L;
  if (yh < 1e16 || yh >= 1e17) return false;
  if (yh === 1e16 && yl < 0) return false;
  // The rounding interval of a, in units of 10^-k: half an ulp up, half (a quarter below a power of 2) down.
  const u = ULP[e] * 0.5 * POW10[k];
  const powerOfTwo = (hi & 0xfffff) === 0 && words[LO] === 0;
  const down = powerOfTwo ? u * 0.5 : u;
  const closed = (words[LO] & 1) === 0; // round-half-even: an even significand keeps its boundaries
  IU = u;
  ID = down;
  IC = closed;
  AMBIGUOUS = false;
  // The shortest decimal: the most trailing zeros among the integers in the interval. Whether a
  // multiple of 10^j lies inside is monotone in j: 17 digits (none of 10) is one test, else a
  // binary search over the lengths.
  let best: number;
  if (!nearest(yh, yl, 10)) {
    best = Math.round(yl); // the integer nearest y = yh + yl (yh is an integer)
    if (Math.abs(Math.abs(best - yl) - 0.5) < 1e-9) return false; // a tie: the decimal path
    if (!inside(best - yl)) return false;
  } else {
    let lo = 1; // a multiple of 10^lo is inside
    let hi = 17; // none of 10^hi
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (nearest(yh, yl, POW10[mid])) lo = mid;
      else hi = mid;
    }
    if (!nearest(yh, yl, POW10[lo])) return false;
    best = NEAR;
  }
  if (AMBIGUOUS) return false;
  // d(a) = a + (best − yl) / 10^k.
  const c = (best - yl) / POW10[k];
  H = neg ? -a : a;
  L = neg ? -c : c;
  return true;
}

/** The rounding interval of the number being read, as offsets from y: up, down, boundaries included. */
let IU = 0;
let ID = 0;
let IC = false;
/** The candidate `nearest` found. */
let NEAR = 0;
/** Set when a candidate lies within 1e-9 of a boundary or two are equally close: not read here. */
let AMBIGUOUS = false;

/** Whether the offset `dist` = candidate − y lies in the interval; NaN-free. */
function inside(dist: number): boolean {
  return dist >= 0 ? dist < IU || (IC && dist === IU) : -dist < ID || (IC && -dist === ID);
}

/**
 * Whether a multiple of `step` lies in the rounding interval around y = yh + yl; the closest one
 * to y goes to NEAR (as an offset from yh). A candidate within 1e-9 of a boundary, or two at the
 * same distance, set AMBIGUOUS, and the caller's decimal path decides.
 */
function nearest(yh: number, yl: number, step: number): boolean {
  const r = yh % step; // exact
  let found = false;
  let bestDist = Infinity;
  for (let j = -1; j <= 2; j++) {
    const off = j * step - r;
    const dist = off - yl;
    const ad = dist < 0 ? -dist : dist;
    if (ad > 30) continue;
    const edge = dist >= 0 ? IU : ID;
    if (Math.abs(ad - edge) < 1e-9) AMBIGUOUS = true;
    if (!inside(dist)) continue;
    if (Math.abs(ad - bestDist) < 1e-9) AMBIGUOUS = true;
    if (ad < bestDist) {
      bestDist = ad;
      NEAR = off;
      found = true;
    }
  }
  return found;
}

/** The double nearest H + L when every value within `bound` of it rounds there; else NaN. */
function decided(bound: number): number {
  const h = H;
  const l = L;
  const b = bound * 1.001 + Math.abs(l) * 2 ** -50 + Number.MIN_VALUE;
  return h + (l - b) === h && h + (l + b) === h ? h + 0 : NaN;
}

// ---- the functions' formulas --------------------------------------------------------------------

/** Σ d(values) as H + L, and its absolute sum in S; false when a value is not read. */
let SUM_ABS = 0;
function sumOf(values: readonly number[]): boolean {
  let sh = 0;
  let sl = 0;
  let whole = 0;
  let abs = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    abs += v < 0 ? -v : v;
    if (Number.isInteger(v) && v < 4503599627370496 && v > -4503599627370496) {
      whole += v;
      if (whole > 4503599627370496 || whole < -4503599627370496) return false;
      continue;
    }
    if (!read(v)) return false;
    add(sh, sl, H, L);
    sh = H;
    sl = L;
  }
  add(sh, sl, whole, 0);
  SUM_ABS = abs;
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
  const ch = H;
  const cl = L;
  const cAbs = SUM_ABS;
  const m = (lines.length + 12) * EPS;
  if (!read(s)) return NaN;
  const sh = H;
  const sl = L;
  // S ≤ C, decided exactly (else the decimal path refuses or decides)
  add(ch, cl, -sh, -sl);
  const dh = H;
  const dl = L;
  if (!(dh > m * (cAbs + s))) return dh === 0 && dl === 0 ? lumpSumEqualCosts(sh, sl, b, f, p, e, m) : NaN;
  if (!read(p)) return NaN;
  const ph = H;
  const pl = L;
  mul(dh, dl, ph, pl);
  const n1h = H;
  const n1l = L;
  if (!read(f)) return NaN;
  mul(sh, sl, H, L);
  add(n1h, n1l, H, L);
  const nh = H;
  const nl = L;
  if (!read(b)) return NaN;
  div(nh, nl, H, L);
  const before = ((cAbs + s) * p + s * f) / b;
  return minusEffect(e, before, m);
}

/** LUMPSUM when C = S exactly: S × fte / fte(base) − effect. */
function lumpSumEqualCosts(sh: number, sl: number, b: number, f: number, p: number, e: number, m: number): number {
  void p;
  if (!read(f)) return NaN;
  mul(sh, sl, H, L);
  const nh = H;
  const nl = L;
  if (!read(b)) return NaN;
  div(nh, nl, H, L);
  return minusEffect(e, (Math.abs(sh) * f) / b, m);
}

/** H + L (the lump sum before the effect, of absolute size `before`) less the effect, checked ≥ 0. */
function minusEffect(e: number, before: number, m: number): number {
  const qh = H;
  const ql = L;
  if (e === 0) return decided(m * before);
  if (!read(e)) return NaN;
  add(qh, ql, -H, -L);
  const bound = m * (before + e) * 1.01;
  if (!(H > bound)) return NaN; // a negative (or nearly zero) lump sum: the decimal path decides
  return decided(bound);
}

/** EXTRA_COSTS: C × fte / fte(base) over the summed cost lines. */
export function extraCostsFiltered(lines: readonly number[], b: number, f: number): number {
  if (!(b > 0 && f > 0)) return NaN;
  for (let i = 0; i < lines.length; i++) if (!(lines[i] >= 0)) return NaN;
  if (!sumOf(lines)) return NaN;
  const ch = H;
  const cl = L;
  const abs = SUM_ABS;
  if (ch === 0) return NaN;
  if (!read(f)) return NaN;
  mul(ch, cl, H, L);
  const nh = H;
  const nl = L;
  if (!read(b)) return NaN;
  div(nh, nl, H, L);
  return decided((lines.length + 6) * EPS * ((abs * f) / b) * 1.01);
}

/** x / y for x ≥ 0, y > 0 (PW_SHARE, LUMPSUM_PER_FTE, PLACEMENT_RATE on any count). */
export function quotientFiltered(x: number, y: number): number {
  if (!(x > 0 && y > 0)) return NaN;
  if (!read(x)) return NaN;
  const xh = H;
  const xl = L;
  if (!read(y)) return NaN;
  div(xh, xl, H, L);
  return decided(4 * EPS * (x / y) * 1.01);
}

/** a × b × c × d, all > 0 (ADDED_VALUE_EFFECT). */
export function productFiltered(a: number, b: number, c: number, d: number): number {
  if (!(a > 0 && b > 0 && c > 0 && d > 0)) return NaN;
  if (!read(a)) return NaN;
  const ah = H;
  const al = L;
  if (!read(b)) return NaN;
  mul(ah, al, H, L);
  const ph = H;
  const pl = L;
  if (!read(c)) return NaN;
  mul(ph, pl, H, L);
  const qh = H;
  const ql = L;
  if (!read(d)) return NaN;
  mul(qh, ql, H, L);
  return decided(8 * EPS * a * b * c * d * 1.01);
}

/** Σ x / Σ y over non-negative values, Σ y > 0 (QUASI_INHOUSE_PCT, LUMPSUM_PCT_PBUDGET). */
export function ratioOfSumsFiltered(x: readonly number[], y: readonly number[]): number {
  if (!sumOf(x)) return NaN;
  const xh = H;
  const xl = L;
  const xAbs = SUM_ABS;
  if (!sumOf(y)) return NaN;
  if (!(H > 0) || xh === 0) return NaN;
  const yAbs = SUM_ABS;
  div(xh, xl, H, L);
  return decided((x.length + y.length + 4) * EPS * (xAbs / yAbs) * 1.01 * (1 + 1e-12));
}

/**
 * Σ x / Σ y compared with a threshold t (QUASI_INHOUSE_TEST): 1 when above, 0 when not, NaN when
 * undecided (within the error bound of equality, e.g. exactly 80 %).
 */
export function ratioAboveFiltered(x: readonly number[], y: readonly number[], t: number): number {
  if (!sumOf(x)) return NaN;
  const xh = H;
  const xl = L;
  const xAbs = SUM_ABS;
  if (!sumOf(y)) return NaN;
  if (!(H > 0)) return NaN;
  const yh = H;
  const yl = L;
  const yAbs = SUM_ABS;
  // Σx − t·Σy, with no division: its sign decides.
  if (!read(t)) return NaN;
  mul(yh, yl, H, L);
  add(xh, xl, -H, -L);
  const bound = (x.length + y.length + 6) * EPS * (xAbs + Math.abs(t) * yAbs) * 1.01;
  return H > bound ? 1 : H < -bound ? 0 : NaN;
}

/**
 * OCCUPANCY_PROJECTION's rows (Wsw, PW, total, change, % change; the base row without change) into
 * `out`, or false when undecided: Wsw × (1 − rate) each year, PW + (inflow − outflow) × fte per
 * person, never below 0.
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
  if (!read(rate)) return false;
  add(1, 0, -H, -L);
  const kh = H;
  const kl = L;
  const keepAbs = 1 + rate;
  if (!read(inflow)) return false;
  const ih = H;
  const il = L;
  if (!read(outflow)) return false;
  add(ih, il, -H, -L);
  const dh = H;
  const dl = L;
  if (!read(ftePerPerson)) return false;
  mul(dh, dl, H, L);
  const sh = H;
  const sl = L;
  const stepAbs = (inflow + outflow) * ftePerPerson;
  if (!read(wsw)) return false;
  let wh = H;
  let wl = L;
  if (!read(pw)) return false;
  let ph = H;
  let pl = L;
  let wAbs = wsw;
  let pAbs = pw;
  let m = 8;
  add(wh, wl, ph, pl);
  let th = H;
  let tl = L;
  let tAbs = wAbs + pAbs;
  const first = decidedAt(th, tl, m * EPS * tAbs);
  if (first !== first) return false;
  const rows: (number | string)[][] = [[wsw, pw, first, "", ""]];
  for (let y = 1; y <= years; y++) {
    m += 6;
    mul(wh, wl, kh, kl);
    wh = H;
    wl = L;
    wAbs *= keepAbs;
    add(ph, pl, sh, sl);
    pAbs += stepAbs;
    const pb = m * EPS * pAbs * 1.01;
    if (H > pb) {
      ph = H;
      pl = L;
    } else if (H < -pb) {
      ph = 0; // max(0, …): exactly 0 from here
      pl = 0;
      pAbs = 0;
    } else return false;
    const prevH = th;
    const prevL = tl;
    const prevAbs = tAbs;
    add(wh, wl, ph, pl);
    th = H;
    tl = L;
    tAbs = wAbs + pAbs;
    add(th, tl, -prevH, -prevL);
    const ch = H;
    const cl = L;
    const cAbs = tAbs + prevAbs;
    const w = decidedAt(wh, wl, m * EPS * wAbs * 1.01);
    const p = pAbs === 0 ? 0 : decidedAt(ph, pl, m * EPS * pAbs * 1.01);
    const t = decidedAt(th, tl, m * EPS * tAbs * 1.01);
    const c = decidedAt(ch, cl, m * EPS * cAbs * 1.01);
    if (w !== w || p !== p || t !== t || c !== c || c === 0 || prevH <= 0) return false;
    div(ch, cl, prevH, prevL);
    const pct = decidedAt(H, L, (m + 2) * EPS * (cAbs / Math.abs(prevH)) * 1.02);
    if (pct !== pct) return false;
    rows.push([w, p, t, c, pct]);
  }
  for (const r of rows) out.push(r);
  return true;
}

function decidedAt(h: number, l: number, bound: number): number {
  H = h;
  L = l;
  if (h === 0 && l === 0 && bound === 0) return 0;
  if (Math.abs(h) <= bound) return NaN;
  return decided(bound);
}

/** Exposed for the property tests: d(x) as [x, c], or null when not read here. */
export function shortestDecimalParts(x: number): [number, number] | null {
  return read(x) ? [H, L] : null;
}
