// The added-value effect's parameters: counts not below 0, shares fractions, applies 0 or 1 per year.
import { requireFractionInput, requireNumbers } from "../../checks";
import { valueError } from "../../errors";
import type { ProposalInput } from "../types";

export function validateAddedValue(p: ProposalInput): void {
  const a = p.addedValue;
  requireNumbers([a.placements, a.averageAddedValue], "addedValue", 2, { min: 0 });
  requireFractionInput(a.demandDrivenShare, "addedValue.demandDrivenShare");
  requireFractionInput(a.uplift, "addedValue.uplift");
  requireNumbers(a.applies, "addedValue.applies", p.years.length, { min: 0, max: 1 });
  // 1 deducts the effect that year, 0 not: 0.5 would halve it, a plausible wrong euro.
  a.applies.forEach((v, i) => {
    if (v !== 0 && v !== 1) throw valueError("addedValue.applies", "input.notZeroOrOne", { index: i + 1, value: v });
  });
}
