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

/**
 * Occupancy projection: Wsw falls by its outflow rate, PW changes by (inflow − outflow) persons ×
 * fte per person (never below 0). Row 0 is the base year, then one row per projected year.
 */
export function projectOccupancy(a: OccupancyAssumptions): OccupancyRow[] {
  requireNonNegative(a.wswBase, "wsw_base");
  requireNonNegative(a.pwBase, "pw_base");
  if (!Number.isInteger(a.years) || a.years < 1 || a.years > 50) {
    throw valueError("years", `expected a whole number of years from 1 to 50, got ${a.years}`);
  }
  requireFraction(a.wswOutflowRate, "wsw_outflow_rate");
  requireNonNegative(a.pwInflowPersons, "pw_inflow");
  requireNonNegative(a.pwOutflowPersons, "pw_outflow");
  requireNonNegative(a.ftePerPerson, "fte_per_person");
  const pwStep = a.pwInflowPersons.minus(a.pwOutflowPersons).times(a.ftePerPerson);
  const rows: OccupancyRow[] = [{ wsw: a.wswBase, pw: a.pwBase, total: a.wswBase.plus(a.pwBase), change: null, changePct: null }];
  for (let y = 1; y <= a.years; y++) {
    const prev = rows[y - 1];
    const wsw = prev.wsw.times(a.wswOutflowRate.negated().plus(1));
    const pw = D.max(ZERO, prev.pw.plus(pwStep));
    const total = wsw.plus(pw);
    const change = total.minus(prev.total);
    rows.push({ wsw, pw, total, change, changePct: prev.total.isZero() ? null : change.div(prev.total) });
  }
  return rows;
}
