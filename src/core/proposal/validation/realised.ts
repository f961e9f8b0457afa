// The look-back on closed years (nacalculatie): each year one of the previous period's, every row
// one value per year, costs and fte not below 0, labelled cost lines.
import { requireNumbers, requireYears } from "../../checks";
import { valueError } from "../../errors";
import type { ProposalInput } from "../types";

export function validateRealised(p: ProposalInput): void {
  const r = p.realised;
  if (!r) return;
  requireYears(r.years, "realised.years");
  const K = r.years.length;
  r.years.forEach((year) => {
    if (!p.previous?.years.includes(year)) throw valueError("realised.years", "input.realisedYear", { year });
  });
  if (!r.costLines.length) throw valueError("realised.costLines", "input.costLineCount", { max: 100 });
  r.costLines.forEach((c, i) => {
    if (typeof c?.label !== "string" || !c.label.trim())
      throw valueError("realised.costLines", "input.realisedNoLabel", { index: i + 1 });
    requireNumbers(c.amounts, `realised.costLines[${i}].amounts`, K);
  });
  requireNumbers(r.specificPwCosts, "realised.specificPwCosts", K, { min: 0 });
  requireNumbers(r.wsw, "realised.wsw", K, { min: 0 });
  requireNumbers(r.pw, "realised.pw", K, { min: 0 });
  r.wsw.forEach((w, k) => {
    if (!(w + r.pw[k] > 0)) throw valueError("realised.wsw", "input.fteZero", { year: String(r.years[k]) });
  });
  requireNumbers(r.expectedEffects, "realised.expectedEffects", K, { min: 0 });
  requireNumbers(r.realisedEffects, "realised.realisedEffects", K, { min: 0 });
  for (const key of [
    "pwInflowPersons",
    "pwOutflowPersons",
    "assumedPwInflowPersons",
    "assumedPwOutflowPersons",
  ] as const)
    if (r[key] !== undefined) requireNumbers(r[key], `realised.${key}`, K, { min: 0 });
}
