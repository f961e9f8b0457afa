// Plausibility with the exact core: every year (the base year and each proposal year) needs
// target-group fte greater than 0, and no year's lump sum goes negative.
import { InputError, valueError } from "../../errors";
import { lumpSumYears, occupancySeries } from "../series";
import type { ProposalInput } from "../types";

export function validateYearsPlausible(p: ProposalInput): void {
  const series = occupancySeries(p);
  const allYears = [p.baseYear, ...p.years];
  series.wsw.forEach((w, j) => {
    if (!w.plus(series.pw[j]).greaterThan(0))
      throw valueError("occupancy", "input.fteZero", { year: String(allYears[j]) });
  });
  try {
    lumpSumYears(p, series);
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    throw valueError(e.argument === "added_value_effect" ? "addedValue" : e.argument, e.code, e.params);
  }
}
