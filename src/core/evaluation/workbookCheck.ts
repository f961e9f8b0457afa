// Checks a whole workbook's evaluation tables: recognises them on every sheet, reads the workbook's
// own mapping municipality → implementation region where it has one, checks within scopes and
// bounded. The command line and the task pane share it.
import type { Cell, PlacedTable } from "./data";
import { checkTablesBounded, type CheckOptions, type Finding } from "./check";
import { recognizeTables } from "./recognize";
import { readRegionMapping } from "./scope";

export interface SheetValues {
  name: string;
  values: Cell[][];
  formulas?: (boolean | undefined)[][];
}

export interface WorkbookCheck {
  tables: PlacedTable[];
  findings: Finding[];
  omitted: number;
  /** The mapping found in the workbook (null: the partnership's default). */
  regions: Record<string, string> | null;
}

export function checkWorkbookTables(sheets: SheetValues[], options: CheckOptions = {}): WorkbookCheck {
  const tables = sheets.flatMap((s) => recognizeTables(s.name, s.values, s.formulas));
  let regions: Record<string, string> | null = null;
  for (const s of sheets) {
    regions = readRegionMapping(s.values);
    if (regions && Object.keys(regions).length) break;
    regions = null;
  }
  const result = checkTablesBounded(tables, { ...options, ...(regions && !options.regions ? { regions } : {}) });
  return { tables, ...result, regions };
}
