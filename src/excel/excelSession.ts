// The task pane's only door to Excel: one Excel.run per user action, few syncs inside.
import { splitRef } from "../core/plan/a1";

export function hasExcel(): boolean {
  return typeof Excel !== "undefined" && typeof Excel.run === "function";
}

export function runExcel<T>(body: (context: Excel.RequestContext) => Promise<T>): Promise<T> {
  return Excel.run(body);
}

/** Selects a sheet-qualified range ("'Lumpsum'!$B$9") so the user sees the figure. */
export function selectRef(ref: string): Promise<void> {
  const { sheet, address } = splitRef(ref);
  return runExcel(async (context) => {
    const range = context.workbook.worksheets.getItem(sheet).getRange(address);
    range.worksheet.activate();
    range.select();
    await context.sync();
  });
}

/** The selected range's values; a single selected cell means the active sheet's used range. */
export function readSelectionValues(): Promise<unknown[][]> {
  return runExcel(async (context) => {
    const selected = context.workbook.getSelectedRange();
    selected.load("cellCount");
    const used = context.workbook.worksheets.getActiveWorksheet().getUsedRangeOrNullObject(true);
    used.load("values");
    selected.load("values");
    await context.sync();
    if (selected.cellCount === 1 && !used.isNullObject) return used.values;
    return selected.values;
  });
}
