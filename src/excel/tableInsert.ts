// Writing a one-sheet plan onto an existing sheet (Check tables' "Insert here"), all or nothing,
// with its own undo record (INSERT_SETTING), apart from the proposal's generation record.
//
// Insert: (1) read the target sheet's id and protection, the target ranges' content (cells,
// number formats, looks) and the current record; refuse when the sheet is protected, or when a
// cell is not empty and the user did not choose to overwrite. (2) One batch stores the record
// first, then writes. If that batch fails, one revert batch puts back the ranges and the record as
// they were. The record keeps the sheet id, the areas, a fingerprint of what was written and the
// content it replaced, so undo restores exactly that, also after the workbook was reopened.
//
// Undo (insertUndo.ts): finds the sheet by id (by name when the id is gone, e.g. after a reopen),
// and compares the areas with the fingerprint. What changed since the insert (counts typed into the
// table) is never overwritten without the caller passing the confirmation the preview gave.
import { runExclusive } from "./exclusive";
import { blockAddress, quoteSheet } from "../core/plan/a1";
import { AddinError } from "../core/errors";
import type { PlanBlock, PlanSheet, WorkbookPlan } from "../core/plan/types";
import { cellInput, formatInput, shiftSheet } from "../core/plan/geometry";
import { queueBlocks, queueStyles } from "./stagedSheets";
import { assertValid, type ConflictChoice } from "./writeTarget";
import { loadFormulaLocale } from "./localFormulas";
import { sheetProtected } from "./writeErrors";
import {
  areaFingerprint,
  canonical,
  contentOf,
  firstFilled,
  queueRead,
  queueRestore,
  type RangeContent,
} from "./rangeContent";
import { commitRecorded } from "./undoableAction";
import { queueRecordRead, recordsBefore } from "./undoRecords";
import { INSERT_KIND, type InsertRecord } from "./insertRecord";

// The record and the undo live apart (insertRecord.ts, insertUndo.ts); re-exported so that callers
// keep one import for the insert and its undo.
export { INSERT_KIND, INSERT_SETTING, parseInsertRecord, type InsertRecord } from "./insertRecord";
export {
  previewInsertUndo,
  undoLastInsert,
  type InsertUndoOptions,
  type InsertUndoPreview,
  type InsertUndoResult,
} from "./insertUndo";

export interface WriteOntoOptions {
  /** "replace" writes over non-empty cells; otherwise they make the write refuse. */
  onConflict?: ConflictChoice;
  /** The same as onConflict "replace". */
  overwrite?: boolean;
}

export interface InsertResult {
  sheet: string;
  /** The areas written, sheet-qualified ("'Blad1'!C3:H20"). */
  ranges: string[];
  overwrote: boolean;
}

const occupiedError = (cell: string) => new AddinError("write.occupied", { cell });

/** The plan's only sheet, once the plan is valid and has no defined names or charts to move along. */
function singleSheet(plan: WorkbookPlan): PlanSheet {
  assertValid(plan);
  if (plan.sheets.length !== 1 || plan.names.length || plan.charts.length)
    throw new AddinError("write.singleSheetOnly");
  return plan.sheets[0];
}

/** What a block leaves in its area: the plan's cells, and the previous content where the plan has null. */
function afterWrite(block: PlanBlock, before: RangeContent): Pick<RangeContent, "formulas" | "numberFormat"> {
  return {
    formulas: block.rows.map((row, r) =>
      row.map((cell, c) => (cell ? canonical(cellInput(cell)) : before.formulas[r][c])),
    ),
    numberFormat: block.rows.map((row, r) =>
      row.map((cell, c) => (cell ? formatInput(cell) : before.numberFormat[r][c])),
    ),
  };
}

// ---------------------------------------------------------------------------------------------
// Reading

/** The first non-empty cell ("'Sheet'!E9") of any of the target ranges, in one sync; null when all are empty. */
export async function findOccupied(
  context: Excel.RequestContext,
  targets: { sheet: string; address: string }[],
): Promise<string | null> {
  const reads = targets.map((t) => ({
    sheet: t.sheet,
    read: queueRead(context.workbook.worksheets.getItem(t.sheet), t.address, false),
  }));
  await context.sync();
  for (const { sheet, read } of reads) {
    const cell = firstFilled(contentOf(read));
    if (cell) return `${quoteSheet(sheet)}!${cell}`;
  }
  return null;
}

/** Refuses (throws, naming the first occupied cell) unless every cell of the range is empty; one sync. */
export async function assertRangeEmpty(
  context: Excel.RequestContext,
  sheetName: string,
  rangeAddressA1: string,
): Promise<void> {
  const occupied = await findOccupied(context, [{ sheet: sheetName, address: rangeAddressA1 }]);
  if (occupied) throw occupiedError(occupied);
}

// ---------------------------------------------------------------------------------------------
// Insert

async function writeSheetOnto(
  context: Excel.RequestContext,
  planSheet: PlanSheet,
  sheetName: string,
  at: string,
  options: WriteOntoOptions,
): Promise<InsertResult> {
  const sheet = shiftSheet(planSheet, at, sheetName);
  assertValid({ sheets: [sheet], names: [], charts: [] }); // still inside the grid after the move
  const overwrite = options.onConflict === "replace" || options.overwrite === true;

  // 1. Read: the sheet, its protection, the areas, the current record.
  const ws = context.workbook.worksheets.getItem(sheetName).load("id, name");
  const protection = ws.protection.load("protected");
  const areas = sheet.blocks.map(blockAddress);
  const reads = areas.map((a) => queueRead(ws, a));
  const records = queueRecordRead(context, INSERT_KIND);
  const formulaLocale = loadFormulaLocale(context, { sheets: [sheet], names: [], charts: [] }); // IBN formulas in Dutch Excel
  await context.sync();
  if (protection.protected) throw sheetProtected(ws.name);
  const previous = reads.map(contentOf);
  const occupied = previous.map(firstFilled).findIndex((c) => c !== null);
  if (occupied >= 0 && !overwrite) throw occupiedError(`${quoteSheet(ws.name)}!${firstFilled(previous[occupied])}`);

  // 2. Write: the record first (so that undo can clean up even when the revert fails), then the cells.
  const record: InsertRecord = {
    kind: "insert",
    sheetId: ws.id,
    sheetName: ws.name,
    areas,
    fingerprints: sheet.blocks.map((b, i) => areaFingerprint(afterWrite(b, previous[i]))),
    previous,
    overwrote: occupied >= 0,
    at: new Date().toISOString(),
  };
  await commitRecorded(context, {
    before: recordsBefore(records),
    record: JSON.stringify(record),
    write: () => {
      queueBlocks(ws, sheet, formulaLocale());
      queueStyles(ws, sheet);
    },
    revert: () => previous.forEach((content) => queueRestore(ws, content)),
    // Only the last operation, the deletion of a record the failed batch never stored, may fail.
    // Otherwise the record, when it was stored, still lets Undo put the areas back (after confirmation).
    asBefore: () => stillAsBefore(context, ws, previous),
  });
  return { sheet: ws.name, ranges: areas.map((a) => `${quoteSheet(ws.name)}!${a}`), overwrote: record.overwrote };
}

/** Whether the areas hold what they held before (cells and number formats): one more read. */
async function stillAsBefore(context: Excel.RequestContext, ws: Excel.Worksheet, contents: RangeContent[]) {
  try {
    const reads = contents.map((c) => queueRead(ws, c.address, false));
    await context.sync();
    return reads.every((r, i) => areaFingerprint(contentOf(r)) === areaFingerprint(contents[i]));
  } catch {
    return false;
  }
}

/**
 * Writes a one-sheet plan without defined names or charts onto the existing sheet `sheetName`,
 * its cell A1 moved to `at`: two syncs (read, then write). Refuses when the sheet is protected or
 * a target cell is not empty, unless the user chose to replace. All or nothing; undoLastInsert
 * puts back what was there (null plan cells stay untouched).
 */
export async function writeOntoSheet(
  context: Excel.RequestContext,
  plan: WorkbookPlan,
  sheetName: string,
  at: string,
  options: WriteOntoOptions = {},
): Promise<InsertResult> {
  return runExclusive("insert", () => writeOntoSheetBody(context, plan, sheetName, at, options), context);
}

async function writeOntoSheetBody(
  context: Excel.RequestContext,
  plan: WorkbookPlan,
  sheetName: string,
  at: string,
  options: WriteOntoOptions = {},
): Promise<InsertResult> {
  return writeSheetOnto(context, singleSheet(plan), sheetName, at, options);
}

/** writeOntoSheet at the selected cell of the active sheet: one more sync, to read the selection. */
export async function writeAtSelection(
  context: Excel.RequestContext,
  plan: WorkbookPlan,
  options: WriteOntoOptions = {},
): Promise<InsertResult> {
  return runExclusive("insert", () => writeAtSelectionBody(context, plan, options), context);
}

async function writeAtSelectionBody(
  context: Excel.RequestContext,
  plan: WorkbookPlan,
  options: WriteOntoOptions = {},
): Promise<InsertResult> {
  const sheet = singleSheet(plan);
  const selected = context.workbook.getSelectedRange().load("address");
  selected.worksheet.load("name");
  await context.sync();
  const topLeft = selected.address.split("!").pop()!.split(":")[0];
  return writeSheetOnto(context, sheet, selected.worksheet.name, topLeft, options);
}
