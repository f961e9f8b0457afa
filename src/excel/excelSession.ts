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

/**
 * The selected range's values (a single selected cell means the active sheet's used range), with
 * the sheet's row number (1-based) of its first row, so that problems can name rows as the sheet
 * numbers them.
 */
export function readSelectionTable(): Promise<{ values: unknown[][]; firstRow?: number }> {
  return runExcel(async (context) => {
    const selected = context.workbook.getSelectedRange();
    selected.load("cellCount");
    const used = context.workbook.worksheets.getActiveWorksheet().getUsedRangeOrNullObject(true);
    used.load("values,rowIndex");
    selected.load("values,rowIndex");
    await context.sync();
    const range = selected.cellCount === 1 && !used.isNullObject ? used : selected;
    const row = range.rowIndex;
    return { values: range.values, ...(typeof row === "number" ? { firstRow: row + 1 } : {}) };
  });
}
