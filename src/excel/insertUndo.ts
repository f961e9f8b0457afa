// Undo of an insert at the selection: finds the sheet by id (by name when the id is gone, e.g.
// after a reopen), and compares the areas with the record's fingerprints. What changed since the
// insert (counts typed into the table) is never overwritten without the caller passing the
// confirmation the preview gave. On the skeleton of src/excel/undoableAction.ts (undoRecorded).
import { runExclusive } from "./exclusive";
import { quoteSheet } from "../core/plan/a1";
import { fingerprint } from "../core/plan/fingerprint";
import { sheetProtected } from "./writeErrors";
import { areaFingerprint, contentOf, firstFilled, queueRead, queueRestore, type RangeContent } from "./rangeContent";
import { confirmed, undoRecorded } from "./undoableAction";
import { queueRecordForget, queueRecordRead, storedRecord, type StoredRecord } from "./undoRecords";
import { INSERT_KIND, parseInsertRecord, type InsertRecord } from "./insertRecord";

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
