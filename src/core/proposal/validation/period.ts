// The proposal's years: the base year, the proposal years after it, within the limit.
import { requireYears } from "../../checks";
import { valueError } from "../../errors";
import { LIMITS, type ProposalInput } from "../types";

export function validatePeriod(p: ProposalInput): void {
  requireYears([p.baseYear], "baseYear");
  requireYears(p.years, "years");
  if (p.years.length > LIMITS.maxYears) throw valueError("years", "input.tooManyYears", { max: LIMITS.maxYears });
  if (p.years[0] !== p.baseYear + 1) throw valueError("years", "input.firstYear", { year: String(p.baseYear + 1) });
}
