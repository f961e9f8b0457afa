// The previous period (optional): its years end in the base year, one figure per year.
import { requireNumbers, requireYears } from "../../checks";
import { valueError } from "../../errors";
import type { ProposalInput } from "../types";

export function validatePrevious(p: ProposalInput): void {
  if (!p.previous) return;
  const count = p.previous.years.length;
  requireYears(p.previous.years, "previous.years");
  if (p.previous.years[count - 1] !== p.baseYear)
    throw valueError("previous.years", "input.previousEnd", { year: String(p.baseYear) });
  requireNumbers(p.previous.lumpSums, "previous.lumpSums", count, { min: 0 });
  requireNumbers(p.previous.wsw, "previous.wsw", count, { min: 0 });
  requireNumbers(p.previous.pw, "previous.pw", count, { min: 0 });
}
