// A plan's values as grids: the constants of a sheet (formula cells empty), as a reader would see
// the sheet before recalculation (to round-trip the input sheet); and a range as the core's formula
// evaluator computes it.
import { parseAddress, splitRef } from "../../src/core/plan/a1";
import type { PlanValues } from "../../src/core/plan/evaluate";
import type { PlanSheet, WorkbookPlan } from "../../src/core/plan/types";

export function sheetConstants(sheet: PlanSheet): (string | number | boolean | null)[][] {
  return sheet.blocks[0].rows.map((row) => row.map((c) => (c && c.formula === undefined ? (c.value ?? null) : null)));
}

/** A sheet-qualified range's values as the core's evaluator computes them: formulas' results, constants as planned. */
export function evaluatedRange(plan: WorkbookPlan, v: PlanValues, ref: string): unknown[][] {
  const { sheet, address } = splitRef(ref);
  const [a, b = a] = address.replace(/\$/g, "").split(":").map(parseAddress);
  const rows = plan.sheets.find((s) => s.name === sheet)!.blocks[0].rows;
  const out: unknown[][] = [];
  for (let r = a.row; r <= b.row; r++) {
    const row: unknown[] = [];
    for (let c = a.col; c <= b.col; c++) {
      const cell = rows[r]?.[c];
      row.push(cell?.formula !== undefined ? v.get(sheet, r, c) : (cell?.value ?? null));
    }
    out.push(row);
  }
  return out;
}
