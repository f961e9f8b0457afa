// Reads the proposal's generated input sheet from the open workbook (issue 14: "Volgende periode
// voorbereiden"): the sheet the defined name ibn_base_year points at, as the add-in wrote it (or
// the user renamed it), whole. Reads only, one sync; the pane hands the values to the core's
// rollForwardFromValues and writes the draft with buildInputSheetPlan.
import { splitRef } from "../core/plan/a1";
import { runExcel } from "./excelSession";

export interface InputSheetValues {
  sheet: string;
  values: unknown[][];
  /** The sheet's row number (1-based) of the first row of `values`. */
  firstRow: number;
}

/** The generated input sheet's values, or null when the workbook has no ibn_base_year name (no proposal made here). */
export function readProposalInputSheet(): Promise<InputSheetValues | null> {
  return runExcel(readProposalInputSheetIn);
}

/** The same, in a request context the caller runs (the tests' fake workbook). */
export async function readProposalInputSheetIn(context: Excel.RequestContext): Promise<InputSheetValues | null> {
  const name = context.workbook.names.getItemOrNullObject("ibn_base_year");
  name.load("formula");
  await context.sync();
  if (name.isNullObject) return null;
  const { sheet } = splitRef(String(name.formula).replace(/^=/, ""));
  const used = context.workbook.worksheets.getItemOrNullObject(sheet).getUsedRangeOrNullObject(true);
  used.load("values,rowIndex");
  await context.sync();
  if (used.isNullObject) return null;
  return { sheet, values: used.values, firstRow: used.rowIndex + 1 };
}
