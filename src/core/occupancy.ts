import { requireFraction, requireNonNegative } from "./checks";
import { D, Dec, ZERO } from "./decimal";
import { valueError } from "./errors";

export interface OccupancyAssumptions {
  /** Wsw fte in the base year. */
  wswBase: Dec;
  /** PW fte in the base year. */
  pwBase: Dec;
  /** Number of years to project after the base year (1 to 50). */
  years: number;
  /** Share of the Wsw fte that leaves each year (the seed: 6 %). */
  wswOutflowRate: Dec;
  /** PW persons starting each year (the seed: 200). */
  pwInflowPersons: Dec;
  /** PW persons leaving each year (the seed: 100). */
  pwOutflowPersons: Dec;
  /** Average fte of one PW person (contract hours / full-time hours). */
  ftePerPerson: Dec;
}

export interface OccupancyRow {
  wsw: Dec;
  pw: Dec;
  total: Dec;
  /** Change of the total against the year before; null for the base year. */
  change: Dec | null;
  /** That change as a fraction of the year before; null for the base year. */
  changePct: Dec | null;
}

/** Totals, changes and % changes of a series of Wsw and PW fte per year (first year first). */
export function occupancyFromSeries(wsw: readonly Dec[], pw: readonly Dec[]): OccupancyRow[] {
  if (wsw.length !== pw.length)
    throw valueError("pw", "value.perYear", { other: "wsw", expected: wsw.length, got: pw.length });
  const rows: OccupancyRow[] = [];
  wsw.forEach((w, i) => {
    requireNonNegative(w, "wsw");
    requireNonNegative(pw[i], "pw");
    const total = w.plus(pw[i]);
    const prev = rows[i - 1];
    const change = prev ? total.minus(prev.total) : null;
    rows.push({
      wsw: w,
      pw: pw[i],
      total,
      change,
      changePct: change && !prev.total.isZero() ? change.div(prev.total) : null,
    });
  });
  return rows;
}

/**
 * Occupancy projection: Wsw falls by its outflow rate, PW changes by (inflow − outflow) persons ×
 * fte per person (never below 0). Row 0 is the base year, then one row per projected year.
 */
export function projectOccupancy(a: OccupancyAssumptions): OccupancyRow[] {
  requireNonNegative(a.wswBase, "wsw_base");
  requireNonNegative(a.pwBase, "pw_base");
  if (!Number.isInteger(a.years) || a.years < 1 || a.years > 50) {
    throw valueError("years", "occupancy.years", { value: String(a.years) });
  }
  requireFraction(a.wswOutflowRate, "wsw_outflow_rate");
  requireNonNegative(a.pwInflowPersons, "pw_inflow");
  requireNonNegative(a.pwOutflowPersons, "pw_outflow");
  requireFraction(a.ftePerPerson, "fte_per_person"); // a person works at most one fte: 0.71, never 71
  const pwStep = a.pwInflowPersons.minus(a.pwOutflowPersons).times(a.ftePerPerson);
  const keep = a.wswOutflowRate.negated().plus(1);
  const wsw = [a.wswBase];
  const pw = [a.pwBase];
  for (let y = 1; y <= a.years; y++) {
    wsw.push(wsw[y - 1].times(keep));
    pw.push(D.max(ZERO, pw[y - 1].plus(pwStep)));
  }
  return occupancyFromSeries(wsw, pw);
}
