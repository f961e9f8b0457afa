// Replace re-points the user's formulas. Excel rewrites a reference when its sheet is renamed and
// turns it into #REF! when the sheet is deleted; Replace renames the user's clashing sheet aside and
// deletes it last, so without this step `=Lumpsum!B9*2` in a sheet of the user's ends as
// `=#REF!B9*2`. The formulas that name a replaced sheet are read before anything is written; the
// commit batch writes each one back as it was, after the new sheets took their names, so they name
// the replacement. A revert writes them back after the user's sheets have their names again. What
// cannot be re-pointed (a protected sheet of the user's, a read that could not complete) keeps every
// set-aside sheet instead (they refer to each other): never #REF!. The user's own workbook-scoped
// defined names (`myTotal` = `=Lumpsum!$B$9`) are re-pointed the same way: their formula as read is
// set again in the commit, and again in a revert.
import { usesSheet } from "../core/plan/formulaRefs";
import { formulaCellsOf, formulasInChunks, type FormulaCell } from "./formulaCells";

export interface RepointCell {
  sheetId: string;
  address: string;
  /** The formula as read before the write: written back, it names the sheet of that name now. */
  formula: string;
}

export interface RepointPlan {
  /** The user's formula cells to write back in the commit. */
  cells: RepointCell[];
  /** Ids of the replaced sheets kept aside, not deleted: all of them when a formula could not be re-pointed. */
  keep: string[];
}

interface Sheet {
  id: string;
  name: string;
  protected: boolean;
}

/**
 * Reads the formulas of the sheets that stay (every sheet but the replaced ones and other attempts'
 * staging sheets) and plans the re-pointing of those that use a replaced sheet. One sync; a sheet
 * too large to read at once is read in chunks; when even that fails, nothing is re-pointed and every
 * replaced sheet is kept aside.
 */
export async function planRepoint(
  context: Excel.RequestContext,
  sheets: Sheet[],
  replaced: Sheet[],
  skip: (name: string) => boolean,
): Promise<RepointPlan> {
  const replacedIds = new Set(replaced.map((s) => s.id));
  const staying = sheets.filter((s) => !replacedIds.has(s.id) && !skip(s.name));
  const order = sheets.map((s) => s.name);
  const uses = (formula: string, s: Sheet) => usesSheet(formula, s.name, order);
  if (!replaced.length || !staying.length) return { cells: [], keep: [] };
  const ws = staying.map((s) => context.workbook.worksheets.getItem(s.id));
  let found: FormulaCell[] | null;
  try {
    const used = ws.map((w) => w.getUsedRangeOrNullObject().load("address,formulas"));
    await context.sync();
    found = used.flatMap((u, i) => (u.isNullObject ? [] : formulaCellsOf(i, u.address, u.formulas)));
  } catch {
    found = await formulasInChunks(context, ws).catch(() => null);
  }
  const all = { cells: [], keep: replaced.map((s) => s.id) };
  if (!found) return all;
  const cells: RepointCell[] = [];
  for (const c of found) {
    if (!replaced.some((s) => uses(c.formula, s))) continue;
    const sheet = staying[c.sheet];
    // A protected sheet refuses the write: its formulas keep the replaced sheets (set aside, kept).
    if (sheet.protected) return all;
    cells.push({ sheetId: sheet.id, address: c.address, formula: c.formula });
  }
  return { cells, keep: [] };
}

/** Queues the formulas written back as read: each names the sheet that has that name now. */
export function queueRepoint(context: Excel.RequestContext, cells: RepointCell[]): void {
  for (const c of cells) context.workbook.worksheets.getItem(c.sheetId).getRange(c.address).formulas = [[c.formula]];
}

/** A workbook-scoped defined name as read before the write. */
export interface RepointName {
  name: string;
  formula: string;
}

/**
 * The user's own defined names (not one the plan writes, `planNames` lower case) that use a replaced
 * sheet: set again as read, they name its replacement (in the commit) or the user's sheet (in a revert).
 */
export function namesToRepoint(
  names: readonly RepointName[],
  replaced: readonly { name: string }[],
  order: readonly string[],
  planNames: ReadonlySet<string>,
): RepointName[] {
  return names
    .filter((n) => !planNames.has(n.name.toLowerCase()))
    .filter((n) => replaced.some((s) => usesSheet(n.formula, s.name, order)))
    .map(({ name, formula }) => ({ name, formula }));
}

/** Queues the names' formulas set back as read (NamedItem.formula, ExcelApi 1.7). */
export function queueNameRepoint(context: Excel.RequestContext, names: readonly RepointName[]): void {
  for (const n of names) context.workbook.names.getItem(n.name).formula = n.formula;
}
