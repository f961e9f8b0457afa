// The constants of a plan sheet as a grid of values (formula cells empty), as a reader would see
// the sheet before recalculation; used to round-trip the input sheet.
import type { PlanSheet } from "../../src/core/plan/types";

export function sheetConstants(sheet: PlanSheet): (string | number | boolean | null)[][] {
  return sheet.blocks[0].rows.map((row) => row.map((c) => (c && c.formula === undefined ? (c.value ?? null) : null)));
}
