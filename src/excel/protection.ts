// Office.js: a sheet plan's protection (src/core/plan/protection.ts): input cells unlocked and
// validated, the sheet protected without a password. Queued after the sheet's content and charts
// (a protected sheet takes no new chart), before the sync that writes them.
import type { PlanProtection, PlanValidation } from "../core/plan/types";

/** The Office.js rule of a plan validation. */
export function validationRule(v: PlanValidation): Excel.DataValidationRule {
  if (v.type === "list") return { list: { inCellDropDown: true, source: v.list!.join(",") } };
  const basic = { formula1: v.min ?? 0, operator: "GreaterThanOrEqualTo" as Excel.DataValidationOperator };
  return v.type === "wholeNumber" ? { wholeNumber: basic } : { decimal: basic };
}

export function queueProtection(ws: Excel.Worksheet, p: PlanProtection): void {
  for (const at of p.unlocked) ws.getRange(at).format.protection.locked = false;
  for (const v of p.validations) {
    const range = ws.getRange(v.range);
    range.dataValidation.rule = validationRule(v);
    range.dataValidation.errorAlert = { showAlert: true, style: "Stop" } as Excel.DataValidationErrorAlert;
  }
  if (p.protect) ws.protection.protect({ allowFormatColumns: true, allowFormatRows: true });
}
