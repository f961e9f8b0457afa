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
// Undo: finds the sheet by id (by name when the id is gone, e.g. after a reopen), and compares the
// areas with the fingerprint. What changed since the insert (counts typed into the table) is
// never overwritten without the caller passing the confirmation the preview gave.
import { runExclusive } from "./exclusive";
import { blockAddress, quoteSheet } from "../core/plan/a1";
import { AddinError } from "../core/errors";
import type { PlanBlock, PlanSheet, WorkbookPlan } from "../core/plan/types";
import { fingerprint } from "../core/plan/fingerprint";
import { cellInput, formatInput, shiftSheet } from "../core/plan/geometry";
import { queueBlocks, queueStyles } from "./stagedSheets";
import { assertValid, type ConflictChoice } from "./writeTarget";
import { loadFormulaLocale } from "./localFormulas";
import { storedValue } from "./generationRecord";
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
import { commitRecorded, confirmed, undoRecorded } from "./undoableAction";
import {
  queueRecordForget,
  queueRecordRead,
  recordSetting,
  recordsBefore,
  storedRecord,
  type StoredRecord,
} from "./undoRecords";

/** The workflow of the last insert's record (its own: the proposal's undo never touches it). */
export const INSERT_KIND = "insert";
/** The settings key of that record (src/excel/undoRecords.ts; the previous version's ibn.lastInsert is still read). */
export const INSERT_SETTING = recordSetting(INSERT_KIND);

export interface WriteOntoOptions {
  /** "replace" writes over non-empty cells; otherwise they make the write refuse. */
  onConflict?: ConflictChoice;
  /** The same as onConflict "replace". */
  overwrite?: boolean;
}

export interface InsertRecord {
  kind: "insert";
  /** The sheet written onto: its id (survives renames) and its name then. */
  sheetId: string;
  sheetName: string;
  /** The rectangles written, without the sheet ("C3:H20"), one per plan block. */
  areas: string[];
  /** Per area, the fingerprint of what the insert left there (cells and number formats). */
  fingerprints: string[];
  /** Per area, what was there before: undo and a failed write put it back. */
  previous: RangeContent[];
  /** Whether the insert wrote over cells that were not empty. */
  overwrote: boolean;
  /** When (ISO 8601). */
  at: string;
}

export interface InsertResult {
  sheet: string;
  /** The areas written, sheet-qualified ("'Blad1'!C3:H20"). */
  ranges: string[];
  overwrote: boolean;
}

export interface InsertUndoPreview {
  /** When the insert was done (ISO 8601). */
  at: string;
  /** The sheet as it is called now. */
  sheet: string;
  /** The areas undo would clear or restore, sheet-qualified. */
  ranges: string[];
  /** The areas whose content changed since the insert (typed into, cleared…), sheet-qualified. */
  changed: string[];
  /** Whether undo puts back content the insert overwrote (rather than leaving the areas empty). */
  restores: boolean;
  /** What undo needs to go ahead when `changed` is not empty: the fingerprint of the areas as they are now. */
  confirmation: string;
}

export type InsertUndoResult =
  | { status: "nothing" }
  /** The sheet no longer exists; the record is forgotten. */
  | { status: "sheetGone"; sheet: string }
  /** Nothing written: the areas changed since the insert; call again with `confirm: preview.confirmation`. */
  | { status: "needsConfirmation"; preview: InsertUndoPreview }
  | { status: "undone"; preview: InsertUndoPreview };

export interface InsertUndoOptions {
  /** The `confirmation` of a preview the user accepted: undo proceeds only if the areas still look like that. */
  confirm?: string;
}

const lower = (s: string) => s.toLowerCase();

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

/** The stored record, or null when the setting is not one (never undo on a guess). */
export function parseInsertRecord(stored: unknown): InsertRecord | null {
  const r = storedValue(stored) as Partial<InsertRecord> | null | undefined;
  const strings = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === "string");
  if (!r || r.kind !== "insert" || typeof r.sheetId !== "string" || typeof r.sheetName !== "string") return null;
  if (!strings(r.areas) || !strings(r.fingerprints) || !Array.isArray(r.previous)) return null;
  if (r.fingerprints.length !== r.areas.length || r.previous.length !== r.areas.length) return null;
  const matrices = r.previous.every(
    (p, i) => p?.address === r.areas![i] && Array.isArray(p.formulas) && Array.isArray(p.numberFormat),
  );
  return matrices ? (r as InsertRecord) : null;
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

// ---------------------------------------------------------------------------------------------
// Undo

interface Located {
  record: InsertRecord;
  stored: StoredRecord;
  ws: Excel.Worksheet | null;
  name: string;
  current: RangeContent[];
  protectedSheet: boolean;
  preview: InsertUndoPreview;
}

/** Two syncs: the record and the sheets; then the sheet's protection and the recorded areas as they are now. */
async function locate(
  context: Excel.RequestContext,
): Promise<Located | "nothing" | { gone: string; stored: StoredRecord }> {
  const records = queueRecordRead(context, INSERT_KIND);
  const sheets = context.workbook.worksheets.load("items/name, items/id");
  await context.sync();
  const stored = storedRecord(records);
  const record = stored ? parseInsertRecord(stored.value) : null;
  if (!stored || !record) return "nothing";
  const byId = sheets.items.find((s) => s.id === record.sheetId);
  // A reopened workbook may give its sheets new ids: then the name, and the fingerprint below, decide.
  const found = byId ?? sheets.items.find((s) => lower(s.name) === lower(record.sheetName));
  if (!found) return { gone: record.sheetName, stored };
  const ws = context.workbook.worksheets.getItem(found.name);
  const protection = ws.protection.load("protected");
  const reads = record.areas.map((a) => queueRead(ws, a));
  await context.sync();
  const current = reads.map(contentOf);
  const name = found.name;
  const q = (a: string) => `${quoteSheet(name)}!${a}`;
  const changed = record.areas.filter((_, i) => areaFingerprint(current[i]) !== record.fingerprints[i]);
  const preview: InsertUndoPreview = {
    at: record.at,
    sheet: name,
    ranges: record.areas.map(q),
    changed: changed.map(q),
    restores: record.previous.some((p) => firstFilled(p) !== null),
    confirmation: fingerprint([[name, ...current.map(areaFingerprint)]]),
  };
  return { record, stored, ws, name, current, protectedSheet: protection.protected, preview };
}

/** What undoing the last insert would do, without changing anything (two syncs); null when there is none. */
export async function previewInsertUndo(context: Excel.RequestContext): Promise<InsertUndoPreview | null> {
  const found = await locate(context);
  return typeof found === "object" && "preview" in found ? found.preview : null;
}

/**
 * Undoes the last insert: puts back what its areas held before (empty cells, or what it
 * overwrote: cells, number formats, looks) and forgets the record, in one batch, reverted if it
 * fails. When the areas changed since the insert, writes nothing and asks for confirmation,
 * unless `options.confirm` is the confirmation of a preview of exactly the current state.
 */
export async function undoLastInsert(
  context: Excel.RequestContext,
  options: InsertUndoOptions = {},
): Promise<InsertUndoResult> {
  return runExclusive("undoInsert", () => undoLastInsertBody(context, options), context);
}

async function undoLastInsertBody(
  context: Excel.RequestContext,
  options: InsertUndoOptions = {},
): Promise<InsertUndoResult> {
  const found = await locate(context);
  if (found === "nothing") return { status: "nothing" };
  if ("gone" in found) {
    // Nothing of the user's can be touched: only the record about a sheet that no longer exists goes.
    queueRecordForget(context, found.stored);
    await context.sync();
    return { status: "sheetGone", sheet: found.gone };
  }
  const { record, ws, current, preview } = found;
  if (!confirmed(preview, options.confirm)) return { status: "needsConfirmation", preview };
  if (found.protectedSheet) throw sheetProtected(found.name);
  // When even the revert fails, the record is still there, or back: undo can be tried again.
  await undoRecorded(context, {
    stored: found.stored,
    restore: () => record.previous.forEach((content) => queueRestore(ws!, content)),
    revert: () => current.forEach((content) => queueRestore(ws!, content)),
  });
  return { status: "undone", preview };
}
