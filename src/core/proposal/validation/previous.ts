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
  const b = p.previous.basis;
  if (b) {
    requireNumbers([b.extraCosts, b.specificPwCosts], "previous.basis", 2, { min: 0 });
    requireNumbers([b.specificPwCosts], "previous.basis.specificPwCosts", 1, { max: b.extraCosts });
    requireNumbers([b.fte], "previous.basis.fte", 1);
    if (!(b.fte > 0)) throw valueError("previous.basis.fte", "input.baseFteZero");
    requireNumbers(b.addedValueEffects, "previous.basis.addedValueEffects", count, { min: 0 });
  }
}
