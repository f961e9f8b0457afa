// OCCUPANCY_PROJECTION in the filtered evaluation.
import { decide, MARGIN, productError, quotientParts, R } from "./doubleDouble";
import { GAPS, IN, readAll } from "./shortestDecimal";

/**
 * OCCUPANCY_PROJECTION's rows (Wsw, PW, total, change, % change; the base row without change),
 * or null when undecided: Wsw × (1 − rate) each year, PW + (inflow − outflow) × fte per
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
): (number | string)[][] | null {
  if (!(wsw >= 0 && pw >= 0 && rate >= 0 && rate <= 1 && inflow >= 0 && outflow >= 0)) return null;
  if (!(ftePerPerson >= 0 && ftePerPerson <= 1)) return null;
  // Every input read in one call: rate, inflow, outflow, fte per person, Wsw, PW.
  IN[0] = rate;
  IN[1] = inflow;
  IN[2] = outflow;
  IN[3] = ftePerPerson;
  IN[4] = wsw;
  IN[5] = pw;
  if (!readAll(0, 6)) return null;
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
  if (first !== first) return null;
  const rows: (number | string)[][] = new Array(years + 1);
  rows[0] = [wsw, pw, first, "", ""];
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
      if (!(ph + pl < -pb)) return null;
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
    if (w !== w || p !== p || t !== t || c !== c || c === 0 || !(prevH > 0)) return null;
    quotientParts(ch, cl, prevH, prevL);
    const pct = cell(R[0], R[1], cAbs / prevH);
    if (pct !== pct) return null;
    rows[y] = [w, p, t, c, pct];
  }
  return rows;
}

/** A cell of h + l computed from values of total size `size`: decided within MARGIN of it, else NaN. */
function cell(h: number, l: number, size: number): number {
  if (size === 0) return h === 0 && l === 0 ? 0 : NaN; // exactly 0 (from zero inputs)
  const bound = size * MARGIN;
  if (!(Math.abs(h) > bound)) return NaN; // near 0: the decimal path decides
  return decide(h, l, bound);
}
