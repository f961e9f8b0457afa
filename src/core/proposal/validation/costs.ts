// The base year's cost lines (each labelled, a sum not below 0) and the specific PW costs within them.
import { requireNumbers } from "../../checks";
import { valueError } from "../../errors";
import { LIMITS, type ProposalInput } from "../types";

export function validateCosts(p: ProposalInput): void {
  if (!p.costLines.length || p.costLines.length > LIMITS.maxCostLines)
    throw valueError("costLines", "input.costLineCount", { max: LIMITS.maxCostLines });
  p.costLines.forEach((c, i) => {
    if (typeof c?.label !== "string" || !c.label.trim())
      throw valueError("costLines", "input.costLineNoLabel", { index: i + 1 });
  });
  requireNumbers(
    p.costLines.map((c) => c.amount),
    "costLines",
    p.costLines.length,
  );
  const totalCosts = p.costLines.reduce((a, c) => a + c.amount, 0);
  if (totalCosts < 0) throw valueError("costLines", "input.costsNegative");
  requireNumbers([p.specificPwCostsBase], "specificPwCostsBase", 1, { min: 0, max: totalCosts });
}
