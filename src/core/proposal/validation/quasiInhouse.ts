// The quasi-in-house test's years: fte per group not below 0, a threshold that is a fraction, and
// activity in every year.
import { requireFractionInput, requireNumbers, requireYears } from "../../checks";
import { valueError } from "../../errors";
import type { ProposalInput } from "../types";

const GROUPS = ["wsw", "pw", "attributableStaff", "nonAttributableStaff", "regularProductionStaff"] as const;

export function validateQuasiInhouse(p: ProposalInput): void {
  const q = p.quasiInhouse;
  requireYears(q.years, "quasiInhouse.years");
  for (const key of GROUPS) requireNumbers(q[key], `quasiInhouse.${key}`, q.years.length, { min: 0 });
  requireFractionInput(q.threshold, "quasiInhouse.threshold");
  q.years.forEach((y, k) => {
    const total = GROUPS.reduce((sum, key) => sum + q[key][k], 0);
    if (!(total > 0)) throw valueError("quasiInhouse", "input.quasiFteZero", { year: String(y) });
  });
}
