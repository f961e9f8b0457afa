// The published figures (optional; issue 16): one printed figure per year of the list each follows
// (proposal years, allocation years, quasi-in-house years), the stated projection's parameters as
// the occupancy projection takes them.
import { requireFractionInput, requireNumbers } from "../../checks";
import { valueError } from "../../errors";
import type { ProposalInput } from "../types";

export function validatePublished(p: ProposalInput): void {
  const pub = p.published;
  if (!pub) return;
  const n = p.years.length;
  const allocationYears = (p.previous?.years.length ?? 0) + n;
  const t = pub.lumpSumTable;
  if (t) for (const [key, list] of Object.entries(t)) requireNumbers(list, `published.lumpSumTable.${key}`, n);
  if (pub.occupancy) {
    requireNumbers(pub.occupancy.wsw, "published.occupancy.wsw", allocationYears, { min: 0 });
    requireNumbers(pub.occupancy.pw, "published.occupancy.pw", allocationYears, { min: 0 });
  }
  const s = pub.projection;
  if (s) {
    requireFractionInput(s.wswOutflowRate, "published.projection.wswOutflowRate");
    requireFractionInput(s.ftePerPerson, "published.projection.ftePerPerson");
    requireNumbers([s.pwInflowPersons, s.pwOutflowPersons], "published.projection", 2, { min: 0 });
  }
  if (pub.lumpSumPerPwFte) requireNumbers(pub.lumpSumPerPwFte, "published.lumpSumPerPwFte", allocationYears);
  if (pub.pBudgetTotals) requireNumbers(pub.pBudgetTotals, "published.pBudgetTotals", allocationYears);
  if (pub.allocation) {
    if (!Array.isArray(pub.allocation) || pub.allocation.length !== p.municipalities.length)
      throw valueError("published.allocation", "input.count", {
        expected: p.municipalities.length,
        got: Array.isArray(pub.allocation) ? pub.allocation.length : typeof pub.allocation,
      });
    pub.allocation.forEach((row, i) => requireNumbers(row, `published.allocation[${i}]`, allocationYears));
  }
  const q = pub.quasiInhouse;
  if (q)
    for (const [key, list] of Object.entries(q))
      requireNumbers(list, `published.quasiInhouse.${key}`, p.quasiInhouse.years.length, { min: 0 });
}
