// The municipalities: named (not by a number, not twice, however the name is typed) with a P-budget
// for every allocation year (the previous period's, then the proposal's), never all 0 in a year.
import { nameKey, requireNumbers } from "../../checks";
import { valueError } from "../../errors";
import { isEstimatedYear, pBudgetMatrix } from "../modelInputs";
import { LIMITS, type ProposalInput } from "../types";

export function validateMunicipalities(p: ProposalInput): void {
  if (!p.municipalities.length || p.municipalities.length > LIMITS.maxMunicipalities)
    throw valueError("municipalities", "input.municipalityCount", { max: LIMITS.maxMunicipalities });
  const allocationYears = [...(p.previous?.years ?? []), ...p.years];
  const names = new Set<string>();
  p.municipalities.forEach((m) => {
    if (typeof m?.name !== "string" || !m.name.trim()) throw valueError("municipalities", "input.municipalityNoName");
    // The rule of Read selection: a number where a name belongs is a year or an amount in the wrong place.
    if (Number.isFinite(Number(m.name.trim().replace(",", "."))))
      throw valueError("municipalities", "input.municipalityNumber", { name: m.name });
    if (names.has(nameKey(m.name))) throw valueError("municipalities", "input.municipalityTwice", { name: m.name });
    names.add(nameKey(m.name));
    // An estimated year's figure is not read (null in the JSON, an empty cell on the sheet).
    const typed = Array.isArray(m.pBudgets) ? m.pBudgets.map((b, j) => (isEstimatedYear(p, j) ? 0 : b)) : m.pBudgets;
    requireNumbers(typed, `P-budget of ${m.name}`, allocationYears.length, { min: 0 });
    // Contributions as invoiced: one per previous-period year (a refund may be negative).
    if (m.invoiced !== undefined) requireNumbers(m.invoiced, `invoiced of ${m.name}`, p.previous?.years.length ?? 0);
  });
  const budgets = pBudgetMatrix(p);
  allocationYears.forEach((year, y) => {
    if (budgets.every((row) => row[y].isZero()))
      throw valueError("municipalities", "input.pBudgetsZero", { index: y + 1, year: String(year) });
  });
}
