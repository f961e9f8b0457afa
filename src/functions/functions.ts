// Custom functions: thin adapters that parse Excel input, call the core and shape the result.
// The JSDoc below generates functions.json (custom-functions-metadata-plugin), which also adds the
// CustomFunctions.associate calls; the Dutch names and descriptions are in the locale pack (src/core/locale/nl-NL.functions.json).
import { addedValueEffect } from "../core/addedValue";
import { allocateByBudget, allocateWholeUnits, budgetShares, pctOfBudget } from "../core/allocation";
import { lumpSumOf, lumpSumPerFte, pwShare, scaleByOccupancy } from "../core/extraCosts";
import { InputError } from "../core/errors";
import { projectOccupancy } from "../core/occupancy";
import { placementRate } from "../core/placementRate";
import {
  attributableFraction,
  attributableFractionByYear,
  passesQuasiInhouse,
  QUASI_INHOUSE_THRESHOLD,
} from "../core/quasiInhouse";
import { requireThreshold } from "../core/quasiInhouse";
import {
  allTypedShort,
  lumpSumExact,
  ratioOfSumsExact,
  typedProduct,
  typedScaled,
  typedShort,
} from "../core/exactNumbers";
import {
  extraCostsOfOne,
  extraCostsOfRange,
  halfUpUnits,
  IN,
  lumpSumOfRange,
  nonNegative,
  occupancyFiltered,
  pooledRatio,
  productFiltered,
  quotientFiltered,
  ratioAboveFiltered,
  ratioOfSumsOfRange,
} from "../core/filtered";
import {
  gridShape,
  plainCells,
  plainGrid,
  plainNumber,
  plainOptional,
  plainPair,
  plainPairCells,
  plainSingle,
  toRows,
} from "./cellInput";
import { excel, toExcelError } from "./excelErrors";
import {
  gridNumbers,
  isBlank,
  out,
  requireSameShape,
  reshape,
  sumOf,
  toBoolean,
  toGrid,
  toInteger,
  toNumber,
  toNumbers,
  toOptionalNumber,
  cellLabel,
} from "./excelValues";

/**
 * The year's lump sum in euros, unrounded: base-year extra costs scaled by occupancy, times the PW share, plus the specific PW extra costs, less the added-value effect.
 * @customfunction LUMPSUM
 * @helpurl https://localhost:3000/help.html#en-LUMPSUM
 * @param extra_costs_base Infrastructure extra costs of the base year: one cell or the range of cost lines (summed).
 * @param specific_pw_costs_base Specific PW extra costs of the base year.
 * @param fte_base Target-group occupancy (Wsw + PW, fte) in the base year.
 * @param fte_year Target-group occupancy (fte) in the year.
 * @param pw_fte_year PW occupancy (fte) in the year.
 * @param [added_value_effect] Added-value (TW) effect to deduct, as a positive amount. Default 0.
 * @returns The lump sum in euros.
 */
export function lumpsum(
  extra_costs_base: any[][],
  specific_pw_costs_base: any,
  fte_base: any,
  fte_year: any,
  pw_fte_year: any,
  added_value_effect?: any,
): number {
  // The cost lines into the filtered evaluation's inputs (no allocation).
  const n = plainCells(extra_costs_base, 0, 5);
  if (n > 0) {
    const s = plainNumber(specific_pw_costs_base);
    const b = plainNumber(fte_base);
    const f = plainNumber(fte_year);
    const p = plainNumber(pw_fte_year);
    const e = plainOptional(added_value_effect, 0);
    // Typed or computed: double-double with a proven bound, the decimal path's double.
    const filtered = lumpSumOfRange(n, s, b, f, p, e);
    if (filtered === filtered) return filtered;
    // What it leaves (a result on a rounding midpoint), when typed: one exact fraction.
    const lines = plainGrid(extra_costs_base);
    if (lines !== null && typedShort(s) && typedShort(b) && typedShort(f) && typedShort(p) && typedShort(e)) {
      const exact = allTypedShort(lines) ? lumpSumExact(lines, s, b, f, p, e) : null;
      if (exact !== null) return exact;
    }
  }
  return excel(() =>
    out(
      lumpSumOf({
        extraCostsBase: sumOf(extra_costs_base, "extra_costs_base"),
        specificPwCostsBase: toNumber(specific_pw_costs_base, "specific_pw_costs_base"),
        fteBase: toNumber(fte_base, "fte_base"),
        fteYear: toNumber(fte_year, "fte_year"),
        pwFteYear: toNumber(pw_fte_year, "pw_fte_year"),
        addedValueEffect: toOptionalNumber(added_value_effect, "added_value_effect") ?? undefined,
      }),
    ),
  );
}

/**
 * Base-year extra costs scaled by occupancy: costs × fte of the year / fte of the base year.
 * @customfunction EXTRA_COSTS
 * @helpurl https://localhost:3000/help.html#en-EXTRA_COSTS
 * @param extra_costs_base Extra costs of the base year: one cell or a range of cost lines (summed).
 * @param fte_base Target-group occupancy (fte) in the base year.
 * @param fte_year Target-group occupancy (fte) in the year.
 * @returns The year's extra costs in euros, unrounded.
 */
export function extraCosts(extra_costs_base: any[][], fte_base: any, fte_year: any): number {
  const b = plainNumber(fte_base);
  const f = plainNumber(fte_year);
  // One cost line (the usual case): whole euros in exact integers, else one filtered quotient.
  const one = plainSingle(extra_costs_base);
  if (one === one) {
    const typed = Number.isInteger(one) && one > 0 ? typedScaled(one, f, b) : NaN;
    if (typed === typed) return typed;
    const fast = extraCostsOfOne(one, b, f);
    if (fast === fast) return fast;
  }
  // The cost lines into the filtered evaluation's inputs (no allocation).
  const n = one === one ? -1 : plainCells(extra_costs_base, 0, 2);
  if (n > 0) {
    let c = 0;
    for (let i = 0; i < n && c === c; i++) c = IN[i] >= 0 && Number.isInteger(IN[i]) ? c + IN[i] : NaN;
    const typed = c > 0 ? typedScaled(c, f, b) : NaN;
    if (typed === typed) return typed;
    const fast = extraCostsOfRange(n, b, f);
    if (fast === fast) return fast;
  }
  return excel(() =>
    out(
      scaleByOccupancy(
        sumOf(extra_costs_base, "extra_costs_base"),
        toNumber(fte_base, "fte_base"),
        toNumber(fte_year, "fte_year"),
      ),
    ),
  );
}

/**
 * The PW group's share of the target-group occupancy: PW fte / total fte.
 * @customfunction PW_SHARE
 * @helpurl https://localhost:3000/help.html#en-PW_SHARE
 * @param pw_fte_year PW occupancy (fte) in the year.
 * @param fte_year Target-group occupancy (fte) in the year.
 * @returns A fraction; format the cell as %.
 */
export function pwShareOfFte(pw_fte_year: any, fte_year: any): number {
  const p = plainNumber(pw_fte_year);
  const f = plainNumber(fte_year);
  if (p <= f) {
    // Typed or computed: one filtered quotient (within 5× of bare arithmetic on both; a smaller
    // function than trying the exact fraction first).
    const fast = p === 0 && f > 0 ? 0 : quotientFiltered(p, f);
    if (fast === fast) return fast;
  }
  return excel(() => out(pwShare(toNumber(pw_fte_year, "pw_fte_year"), toNumber(fte_year, "fte_year"))));
}

/**
 * Added-value (TW) effect: placements × demand-driven share × uplift × average added value per placement.
 * @customfunction ADDED_VALUE_EFFECT
 * @helpurl https://localhost:3000/help.html#en-ADDED_VALUE_EFFECT
 * @param placements Placements per year (the norm: 200).
 * @param demand_driven_share Share of the placements that is demand-driven (10%).
 * @param uplift Extra added value of a demand-driven placement (15%).
 * @param average_added_value Average added value per placement, in euros.
 * @returns The effect in euros, a positive amount to deduct from the lump sum.
 */
export function addedValue(placements: any, demand_driven_share: any, uplift: any, average_added_value: any): number {
  const share = plainNumber(demand_driven_share);
  const up = plainNumber(uplift);
  if (share <= 1 && up <= 1) {
    const n = plainNumber(placements);
    const avg = plainNumber(average_added_value);
    // Typed or computed, the filtered product decides nearly always; the exact integer product
    // covers what it leaves (a zero, or a product on a midpoint such as 2^53 + 1).
    const fast = productFiltered(n, share, up, avg);
    if (fast === fast) return fast;
  }
  return addedValueOtherwise(placements, demand_driven_share, uplift, average_added_value);
}

/** ADDED_VALUE_EFFECT where the filtered product leaves it: exact integers when typed, else decimal. */
function addedValueOtherwise(placements: any, demand_driven_share: any, uplift: any, average_added_value: any): number {
  const share = plainNumber(demand_driven_share);
  const up = plainNumber(uplift);
  const n = plainNumber(placements);
  const avg = plainNumber(average_added_value);
  if (share <= 1 && up <= 1 && typedShort(n) && typedShort(avg) && typedShort(share) && typedShort(up)) {
    const typed = typedProduct(n, share, up, avg);
    if (typed === typed) return typed;
  }
  return excel(() =>
    out(
      addedValueEffect(
        toNumber(placements, "placements"),
        toNumber(demand_driven_share, "demand_driven_share"),
        toNumber(uplift, "uplift"),
        toNumber(average_added_value, "average_added_value"),
      ),
    ),
  );
}

/**
 * Lump sum per PW fte: the lump sum divided by the PW occupancy (the report's "lump sum per fte PW employment").
 * @customfunction LUMPSUM_PER_FTE
 * @helpurl https://localhost:3000/help.html#en-LUMPSUM_PER_FTE
 * @param lumpsum The lump sum in euros.
 * @param pw_fte PW occupancy (fte).
 * @returns Euros per PW fte.
 */
export function lumpsumPerFte(lumpsum: any, pw_fte: any): number {
  const l = plainNumber(lumpsum);
  const p = plainNumber(pw_fte);
  // Typed or computed: one filtered quotient, as PW_SHARE.
  const fast = l === 0 && p > 0 ? 0 : quotientFiltered(l, p);
  if (fast === fast) return fast;
  return excel(() => out(lumpSumPerFte(toNumber(lumpsum, "lumpsum"), toNumber(pw_fte, "pw_fte"))));
}

/**
 * Occupancy projection: Wsw falls by its outflow rate; PW changes by (inflow − outflow) persons × fte per person. Spills one row per year (base year first): Wsw, PW, total, change, % change.
 * @customfunction OCCUPANCY_PROJECTION
 * @helpurl https://localhost:3000/help.html#en-OCCUPANCY_PROJECTION
 * @param wsw_base Wsw fte in the base year.
 * @param pw_base PW fte in the base year.
 * @param years Number of years to project (1 to 50).
 * @param wsw_outflow_rate Share of the Wsw fte leaving each year (6%).
 * @param pw_inflow PW persons starting each year (200).
 * @param pw_outflow PW persons leaving each year (100).
 * @param fte_per_person Average fte of one PW person.
 * @returns Rows of Wsw, PW, total, change and % change.
 */
export function occupancyProjection(
  wsw_base: any,
  pw_base: any,
  years: any,
  wsw_outflow_rate: any,
  pw_inflow: any,
  pw_outflow: any,
  fte_per_person: any,
): any[][] {
  const y = plainNumber(years);
  if (Number.isInteger(y) && y >= 1 && y <= 50) {
    const w = plainNumber(wsw_base);
    const p = plainNumber(pw_base);
    const rate = plainNumber(wsw_outflow_rate);
    const inflow = plainNumber(pw_inflow);
    const outflow = plainNumber(pw_outflow);
    const fpp = plainNumber(fte_per_person);
    const rows = occupancyFiltered(w, p, y, rate, inflow, outflow, fpp);
    if (rows !== null) return rows;
  }
  return excel(() =>
    projectOccupancy({
      wswBase: toNumber(wsw_base, "wsw_base"),
      pwBase: toNumber(pw_base, "pw_base"),
      years: toInteger(years, "years", 0),
      wswOutflowRate: toNumber(wsw_outflow_rate, "wsw_outflow_rate"),
      pwInflowPersons: toNumber(pw_inflow, "pw_inflow"),
      pwOutflowPersons: toNumber(pw_outflow, "pw_outflow"),
      ftePerPerson: toNumber(fte_per_person, "fte_per_person"),
    }).map((r) => [
      out(r.wsw),
      out(r.pw),
      out(r.total),
      r.change ? out(r.change) : "",
      r.changePct ? out(r.changePct) : "",
    ]),
  );
}

/**
 * Each municipality's share of the total P-budget; with an amount, that amount allocated by those shares, rounded by largest remainder so the parts add up to the amount exactly. Spills the shape of p_budgets.
 * @customfunction PBUDGET_SHARE
 * @helpurl https://localhost:3000/help.html#en-PBUDGET_SHARE
 * @param p_budgets The P-budgets of the municipalities (one column or row).
 * @param [amount] The amount to allocate, e.g. the lump sum; 0 gives parts of 0, a negative amount (a refund) is split as its absolute value with the sign. Omitted: the shares.
 * @param [decimals] Decimals of the allocated amounts (default 0: whole euros).
 * @returns Shares (fractions) or allocated amounts, one per municipality.
 */
export function pbudgetShare(p_budgets: any[][], amount?: any, decimals?: any): number[][] {
  return excel(() => {
    const g = toGrid(p_budgets, "p_budgets");
    // Whole euros over whole P-budgets (the usual case): the same allocation in exact integer
    // arithmetic, also for an amount a formula computed (rounded half up to whole euros first).
    if (typeof amount === "number" && (decimals === null || decimals === undefined || decimals === 0)) {
      const units = halfUpUnits(amount);
      const budgets = units === units ? plainGrid(p_budgets) : null;
      const whole = budgets === null ? null : allocateWholeUnits(units, budgets);
      if (whole) return reshape(amount < 0 ? whole.map((x) => (x === 0 ? 0 : -x)) : whole, g); // never -0
    }
    const budgets = gridNumbers(g, "p_budgets");
    const a = toOptionalNumber(amount, "amount");
    const d = toInteger(decimals, "decimals", 0);
    // Only an omitted amount gives the shares: an amount that happens to be 0 is allocated (all parts
    // 0), so a lump sum of 0 never turns into fractions that look like money.
    const parts = a === null ? budgetShares(budgets) : allocateByBudget(a, budgets, d);
    return reshape(parts.map(out), g);
  });
}

/**
 * The amount as a fraction of the total P-budget (the report's "lump sum as % of P-budget").
 * @customfunction LUMPSUM_PCT_PBUDGET
 * @helpurl https://localhost:3000/help.html#en-LUMPSUM_PCT_PBUDGET
 * @param amount The lump sum in euros.
 * @param p_budgets The P-budgets of the municipalities.
 * @returns A fraction; format the cell as %.
 */
export function lumpsumPctPbudget(amount: any, p_budgets: any[][]): number {
  // The amount and the P-budgets into the filtered evaluation's inputs (no allocation).
  const a = plainNumber(amount);
  IN[0] = a;
  const n = a >= 0 ? plainCells(p_budgets, 1, 0) : -1;
  if (n > 0 && nonNegative(1, n + 1)) {
    const fast = ratioOfSumsOfRange(1, n + 1);
    if (fast === fast) return fast;
  }
  return excel(() => out(pctOfBudget(toNumber(amount, "amount"), toNumbers(p_budgets, "p_budgets"))));
}

function quasiInputs(attributable: any[][], total: any[][]) {
  const ga = toGrid(attributable, "attributable");
  const gt = toGrid(total, "total");
  requireSameShape(ga, "attributable", gt, "total");
  return { ga, a: gridNumbers(ga, "attributable"), t: gridNumbers(gt, "total") };
}

/**
 * Quasi-in-house test: attributable fte (target group + attributable staff) / total fte, pooled over the years given; with by_year TRUE, the fraction of each year.
 * @customfunction QUASI_INHOUSE_PCT
 * @helpurl https://localhost:3000/help.html#en-QUASI_INHOUSE_PCT
 * @param attributable Attributable fte, one value per year.
 * @param total Total fte, one value per year (same shape).
 * @param [by_year] TRUE: spill the fraction of each year. Default FALSE: one pooled fraction.
 * @returns A fraction (0.879 = 87.9%); the test passes above 80%.
 */
export function quasiInhousePct(attributable: any[][], total: any[][], by_year?: any): any[][] {
  const pooled = by_year === null || by_year === undefined || by_year === false || by_year === 0;
  // Typed or computed: one filtered ratio of the sums (whole fte are summed exactly, not read), for
  // up to four years of numbers in one pass over the cells. The rest in a function of its own.
  const few = pooled ? pooledRatio(attributable, total) : NaN;
  return few === few ? [[few]] : quasiInhousePctOtherwise(attributable, total, by_year, pooled);
}

/** QUASI_INHOUSE_PCT beyond four pooled years: by year, larger ranges, exact sums, the decimal path. */
function quasiInhousePctOtherwise(attributable: any[][], total: any[][], by_year: any, pooled: boolean): any[][] {
  if (pooled) {
    // Larger ranges into the filtered evaluation's inputs (no allocation).
    const n = plainPairCells(attributable, total);
    let within = n > 0;
    for (let i = 0; i < n; i++) within &&= IN[i] >= 0 && IN[i] <= IN[n + i];
    const filtered = within ? ratioOfSumsOfRange(n, 2 * n) : NaN;
    if (filtered === filtered) return [[filtered]];
  }
  const pair = plainPair(attributable, total);
  if (pair !== null) {
    const [a, t] = pair;
    if (pooled) {
      // What the filter leaves (a ratio on a rounding midpoint, or 0), when typed: exact sums.
      const exact = allTypedShort(a) && allTypedShort(t) ? ratioOfSumsExact(a, t) : null;
      if (exact !== null) return [[exact]];
    } else if (by_year === true && fteWithinTotals(a, t)) {
      const cols = gridShape[1];
      const rates = quotients(a, t);
      if (rates !== null) return toRows(rates, cols);
    }
  }
  return excel(() => {
    const { ga, a, t } = quasiInputs(attributable, total);
    if (!toBoolean(by_year, "by_year", false)) return [[out(attributableFraction(a, t))]];
    return reshape(
      attributableFractionByYear(a, t).map((f) => (f instanceof InputError ? toExcelError(f) : out(f))),
      ga,
    );
  });
}

/**
 * Passes the quasi-in-house test: TRUE only when the pooled attributable fraction is above the threshold (more than 80%).
 * @customfunction QUASI_INHOUSE_TEST
 * @helpurl https://localhost:3000/help.html#en-QUASI_INHOUSE_TEST
 * @param attributable Attributable fte, one value per year.
 * @param total Total fte, one value per year (same shape).
 * @param [threshold] The threshold as a fraction above 0 (omitted: 80%; 0 is an error).
 * @returns TRUE when the test passes.
 */
export function quasiInhouseTest(attributable: any[][], total: any[][], threshold?: any): boolean {
  const pair = plainPair(attributable, total);
  const limit = plainOptional(threshold, QUASI_INHOUSE_THRESHOLD);
  if (pair !== null && limit > 0 && limit <= 1 && fteWithinTotals(pair[0], pair[1])) {
    const above = ratioAboveFiltered(pair[0], pair[1], limit);
    if (above === 1) return true;
    if (above === 0) return false;
  }
  return excel(() => {
    const { a, t } = quasiInputs(attributable, total);
    const given = toOptionalNumber(threshold, "threshold");
    const fraction = attributableFraction(a, t);
    return passesQuasiInhouse(fraction, given === null ? QUASI_INHOUSE_THRESHOLD : requireThreshold(given));
  });
}

/** Every attributable fte from 0 to its total: the core's checks, on plain numbers. */
function fteWithinTotals(a: readonly number[], t: readonly number[]): boolean {
  for (let i = 0; i < a.length; i++) if (!(a[i] >= 0 && a[i] <= t[i])) return false;
  return true;
}

/** a[i] / t[i] for whole or computed values with t[i] > 0, each the decimal path's double; null otherwise. */
function quotients(a: readonly number[], t: readonly number[]): number[] | null {
  const out: number[] = new Array(a.length);
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = t[i];
    if (!(y > 0) || !(x >= 0)) return null;
    const q = x === 0 ? 0 : Number.isSafeInteger(x) && Number.isSafeInteger(y) ? x / y : quotientFiltered(x, y);
    if (q !== q) return null;
    out[i] = q;
  }
  return out;
}

/**
 * Placement rate: placed / indications, element by element for same-shaped ranges of whole counts. A text count (NB) gives #N/A, zero indications #DIV/0!.
 * @customfunction PLACEMENT_RATE
 * @helpurl https://localhost:3000/help.html#en-PLACEMENT_RATE
 * @param placed Persons placed (working), one cell or a range.
 * @param indications Indications (referral decisions), same shape as placed.
 * @returns Fractions; format the cells as %.
 */
export function placementRateOf(placed: any[][], indications: any[][]): any[][] {
  const fast = wholeCountRates(placed, indications);
  if (fast !== null) return fast;
  return excel(() => {
    const gp = toGrid(placed, "placed");
    const gi = toGrid(indications, "indications");
    requireSameShape(gp, "placed", gi, "indications");
    const rates = gp.cells.map((p, i) => {
      const ind = gi.cells[i];
      // Whole counts (the usual case): one correctly rounded division of exact integers, the same double as the decimal path.
      if (Number.isSafeInteger(p) && Number.isSafeInteger(ind) && (p as number) >= 0 && (ind as number) > 0)
        return (p as number) / (ind as number);
      const where = cellLabel(gi, i);
      // Text (NB) is a count not available: #N/A. TRUE/FALSE is no count at all: #VALUE! below.
      if (typeof p === "string" && !isBlank(p))
        return toExcelError(new InputError("na", "placed", "rate.placedNotCount", { ...where, text: String(p) }));
      if (typeof ind === "string" && !isBlank(ind)) {
        return toExcelError(
          new InputError("na", "indications", "rate.indicationsNotCount", { ...where, text: String(ind) }),
        );
      }
      try {
        return out(placementRate(toNumber(p, "placed", where), toNumber(ind, "indications", where), where));
      } catch (e) {
        return toExcelError(e);
      }
    });
    return reshape(rates, gp);
  });
}

/**
 * placed / indications cell by cell over two same-shaped ranges of whole counts (indications > 0):
 * one correctly rounded division of exact integers each, the decimal path's double. Null otherwise.
 */
function wholeCountRates(placed: unknown, indications: unknown): number[][] | null {
  if (!Array.isArray(placed) || !Array.isArray(indications) || placed.length !== indications.length) return null;
  if (placed.length === 0) return null;
  const cols = Array.isArray(placed[0]) ? (placed[0] as unknown[]).length : 0;
  if (cols === 0) return null;
  const out: number[][] = new Array(placed.length);
  for (let r = 0; r < placed.length; r++) {
    const rp: unknown = placed[r];
    const ri: unknown = indications[r];
    if (!Array.isArray(rp) || !Array.isArray(ri) || rp.length !== cols || ri.length !== cols) return null;
    const row: number[] = new Array(cols);
    for (let c = 0; c < cols; c++) {
      const p: unknown = rp[c];
      const i: unknown = ri[c];
      if (!Number.isSafeInteger(p) || !Number.isSafeInteger(i) || (p as number) < 0 || (i as number) <= 0) return null;
      row[c] = (p as number) / (i as number) + 0;
    }
    out[r] = row;
  }
  return out;
}
