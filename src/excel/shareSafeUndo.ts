// Undo of a share-safe run: puts the IBN formulas back and removes the notes it added, never over a
// cell or note changed since without the confirmation of a preview; on the skeleton of
// src/excel/undoableAction.ts (undoRecorded).

import { runExclusive } from "./exclusive";
import { quoteSheet } from "../core/plan/a1";
import { fingerprint } from "../core/plan/fingerprint";
import { canonical } from "./rangeContent";
import { supports } from "./requirements";
import { sheetProtected } from "./writeErrors";
import { confirmed, undoRecorded } from "./undoableAction";
import { queueRecordRead, storedRecord, type StoredRecord } from "./undoRecords";
import {
  parseShareSafeRecord,
  queueCellReads,
  queueCells,
  queueNotesBack,
  SHARE_SAFE_KIND,
  type ShareSafeRecord,
  type ShareSafeSheetRecord,
} from "./shareSafeRecord";

export interface ShareSafeUndoPreview {
  /** Cells whose IBN formula comes back (or, for a spill, that become empty again), sheet-qualified. */
  cells: string[];
  /** Notes (and comments) the run added that go, or whose added text goes, sheet-qualified. */
  notes: string[];
  /** Cells and notes changed since the run: undo overwrites them only when confirmed. */
  changed: string[];
  /** Sheets of the record that no longer exist: nothing is done there. */
  missingSheets: string[];
  /** What undo needs to go ahead when `changed` is not empty. */
  confirmation: string;
}

export type ShareSafeUndoResult =
  | { status: "nothing" }
  | { status: "needsConfirmation"; preview: ShareSafeUndoPreview }
  | { status: "undone"; preview: ShareSafeUndoPreview };

interface FoundSheet {
  record: ShareSafeSheetRecord;
  ws: Excel.Worksheet;
  name: string;
  protection: Excel.WorksheetProtection;
  /** The recorded cells' formulas now, once synced. */
  cells: () => unknown[];
  notes: (Excel.Note | null)[];
}

interface Found {
  stored: StoredRecord;
  record: ShareSafeRecord;
  sheets: FoundSheet[];
  /** Per sheet, per cell: the content now. */
  now: unknown[][];
  notesNow: (string | null)[][];
  preview: ShareSafeUndoPreview;
}

/** Two syncs: the record and the sheets; then the recorded cells and notes as they are now. */
async function locate(context: Excel.RequestContext): Promise<Found | null> {
  const records = queueRecordRead(context, SHARE_SAFE_KIND);
  const items = context.workbook.worksheets.load("items/name, items/id");
  await context.sync();
  const stored = storedRecord(records);
  const record = stored ? parseShareSafeRecord(stored.value) : null;
  if (!stored || !record) return null;
  const useNotes = supports("1.18");
  const missingSheets: string[] = [];
  const sheets: FoundSheet[] = [];
  for (const s of record.sheets) {
    // By id; after a reopen that gave new ids, by name (the cells' contents then decide what changed).
    const item =
      items.items.find((i) => i.id === s.id) ?? items.items.find((i) => i.name.toLowerCase() === s.name.toLowerCase());
    if (!item) {
      missingSheets.push(s.name);
      continue;
    }
    const ws = context.workbook.worksheets.getItem(item.name);
    sheets.push({
      record: s,
      ws,
      name: item.name,
      protection: ws.protection.load("protected"),
      cells: queueCellReads(
        ws,
        s.cells.map((c) => c.address),
      ),
      notes: s.notes.map((n) => (useNotes ? ws.notes.getItemOrNullObject(n.address).load("content") : null)),
    });
  }
  await context.sync();
  const now = sheets.map((s) => s.cells());
  const notesNow = sheets.map((s) => s.notes.map((n) => (n && !n.isNullObject ? n.content : null)));
  const changed: string[] = [];
  const cells: string[] = [];
  const notes: string[] = [];
  sheets.forEach((s, i) => {
    const q = (a: string) => `${quoteSheet(s.name)}!${a}`;
    s.record.cells.forEach((c, j) => {
      cells.push(q(c.address));
      if (canonical(now[i][j]) !== canonical(c.after)) changed.push(q(c.address));
    });
    s.record.notes.forEach((n, j) => {
      notes.push(q(n.address));
      if (s.notes[j] && notesNow[i][j] !== n.after) changed.push(`${q(n.address)} (note)`);
    });
    s.record.comments.forEach((a) => notes.push(q(a)));
  });
  const confirmation = fingerprint([[...now.flat(), ...notesNow.flat()]]);
  return {
    stored,
    record,
    sheets,
    now,
    notesNow,
    preview: { cells, notes, changed, missingSheets, confirmation },
  };
}

/** Whether the recorded cells hold again what they held before a failed undo (one read). */
async function cellsNow(context: Excel.RequestContext, found: Found): Promise<boolean> {
  try {
    const checks = found.sheets.map((s, i) => ({
      want: found.now[i],
      got: queueCellReads(
        s.ws,
        s.record.cells.map((c) => c.address),
      ),
    }));
    await context.sync();
    return checks.every(({ want, got }) => got().every((v, j) => canonical(v) === canonical(want[j])));
  } catch {
    return false;
  }
}

/** What undoing the last share-safe run would do, without changing anything (two syncs); null when there is none. */
export async function previewShareSafeUndo(context: Excel.RequestContext): Promise<ShareSafeUndoPreview | null> {
  return (await locate(context))?.preview ?? null;
}

/**
 * Undoes the last share-safe run: its cells get their IBN formulas back (the cells their spills
 * filled become empty, so the formulas spill again), notes it added go and notes it extended get
 * their text back; then the record goes. One batch, reverted if it fails. When a cell or note
 * changed since the run, writes nothing unless `confirm` is the confirmation of a preview of
 * exactly the current state.
 */
export async function undoShareSafe(
  context: Excel.RequestContext,
  options: { confirm?: string } = {},
): Promise<ShareSafeUndoResult> {
  return runExclusive("undoShareSafe", () => undoShareSafeBody(context, options), context);
}

async function undoShareSafeBody(
  context: Excel.RequestContext,
  options: { confirm?: string } = {},
): Promise<ShareSafeUndoResult> {
  const found = await locate(context);
  if (!found) return { status: "nothing" };
  const { preview } = found;
  if (!confirmed(preview, options.confirm)) return { status: "needsConfirmation", preview };
  for (const s of found.sheets) if (s.protection.protected) throw sheetProtected(s.name);
  await undoRecorded(context, {
    stored: found.stored,
    restore: () => {
      const deletes: (() => void)[] = [];
      for (const s of found.sheets) {
        queueCells(
          s.ws,
          s.record.cells.map((c) => ({ address: c.address, content: c.before })),
        );
        queueNotesBack(context, s.ws, s.record, deletes, found.notesNow[found.sheets.indexOf(s)]);
      }
      return deletes;
    },
    // One revert batch: cells and note texts as they were, the record back, and last, in the
    // order undo deleted them, the notes it deleted (re-adding one it never got to delete fails
    // there, and so do the ones after it, which it did not get to either).
    revert: () => {
      const readds: (() => void)[] = [];
      found.sheets.forEach((s, i) => {
        queueCells(
          s.ws,
          s.record.cells.map((c, j) => ({ address: c.address, content: found.now[i][j] })),
        );
        s.record.notes.forEach((n, j) => {
          const text = found.notesNow[i][j];
          if (text === null && n.before !== null) readds.push(() => s.ws.notes.getItemOrNullObject(n.address).delete());
          else if (text === null) return;
          else if (n.before !== null) s.ws.notes.getItemOrNullObject(n.address).content = text;
          else readds.push(() => s.ws.notes.add(s.ws.getRange(n.address), text));
        });
      });
      return readds;
    },
    // Only the re-adding at the end may fail (of a note the failed batch never deleted).
    asBefore: () => cellsNow(context, found),
  });
  return { status: "undone", preview };
}
