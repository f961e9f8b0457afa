// Reading a range back out of a workbook's recalculated values (readSheetValues: sheet → rows).
import assert from "node:assert/strict";
import { parseAddress, splitRef } from "../../src/core/plan/a1";
import type { Value } from "../../src/writers/xlsxReader";

/** A workbook's values, sheet name → rows of cells (0-based), as readSheetValues gives them. */
export type Values = Map<string, Value[][]>;

/** The recalculated values of a sheet-qualified range ("Sheet!A1:B2", $ allowed), as a grid; null where empty. */
export function grid(values: Values, qualified: string): Value[][] {
  const { sheet, address } = splitRef(qualified);
  const [a, b = a] = address.replace(/\$/g, "").split(":");
  const from = parseAddress(a);
  const to = parseAddress(b);
  const rows = values.get(sheet);
  assert.ok(rows, `sheet ${sheet} missing`);
  const out: Value[][] = [];
  for (let r = from.row; r <= to.row; r++)
    out.push(Array.from({ length: to.col - from.col + 1 }, (_, c) => rows[r]?.[from.col + c] ?? null));
  return out;
}
