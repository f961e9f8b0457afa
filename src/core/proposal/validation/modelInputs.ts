// The model inputs of issue 16: cost indexation and P-budget growth are rates per year (fractions
// above −1 and at most 1: 3 gives "did you mean 3 %?"); the estimated P-budget years are proposal
// years, each once, never the first allocation year (there is no year before to grow from).
import { requireNumbers } from "../../checks";
import { valueError } from "../../errors";
import { allocationYears } from "../modelInputs";
import type { ProposalInput } from "../types";

/** A rate per year: a fraction above −1 (−100 %) and at most 1 (100 %). */
export function requireRate(value: unknown, argument: string): void {
  requireNumbers([value], argument, 1);
  const v = value as number;
  if (v > -1 && v <= 1) return;
  if (Math.abs(v) <= 100) throw valueError(argument, "input.notFraction", { value: v, percent: v, fraction: v / 100 });
  throw valueError(argument, "model.rateRange", { value: v });
}

export function validateModelInputs(p: ProposalInput): void {
  if (p.costIndexation !== undefined && p.costIndexation !== null) requireRate(p.costIndexation, "costIndexation");
  if (p.pBudgetGrowth !== undefined && p.pBudgetGrowth !== null) requireRate(p.pBudgetGrowth, "pBudgetGrowth");
  const estimated = p.estimatedPBudgetYears;
  if (estimated === undefined || estimated === null) return;
  requireNumbers(estimated, "estimatedPBudgetYears", Array.isArray(estimated) ? estimated.length : 0);
  const years = allocationYears(p);
  estimated.forEach((y, k) => {
    if (!p.years.includes(y) || years.indexOf(y) < 1 || estimated.indexOf(y) !== k)
      throw valueError("estimatedPBudgetYears", "model.estimatedYear", {
        value: y,
        years: p.years.filter((x) => years.indexOf(x) >= 1).join(", "),
      });
  });
}
