// The skeleton of an action that changes the user's cells in place and can be undone (Insert at the
// selection, Share-safe, and the workflows to come): each plugs in what it writes and what it
// restores; this module owns the order that makes it safe (Office.js has no transactions: a failed
// sync keeps what ran before the failing operation).
//
//  write:  one batch, the record first (so that undo can clean up even when the revert fails), then
//          the action's writes. If it fails: one revert batch (the action's restores, then the
//          records as they were, then what must come last), and when even that fails, one read
//          decides whether the workbook is as before anyway. Then the typed "write.failed".
//  undo:   the preview's confirmation is needed when something changed since; then one batch (the
//          restores, the record forgotten, then what must come last). If it fails: one revert
//          batch (what was there before the undo, the record put back, then what must come last).
//
// The record itself lives under the one key scheme of src/excel/undoRecords.ts. Reading, refusing
// (protection, occupied cells) and planning stay with each workflow: they are what differs.
import {
  queueRecordForget,
  queueRecordPutBack,
  queueRecordsBack,
  queueRecordStore,
  type RecordsBefore,
  type StoredRecord,
} from "./undoRecords";
import { writeFailed } from "./writeErrors";

/** Operations to queue after the others of their batch (deletes that may fail when nothing was done). */
type Last = (() => void)[] | void;

export interface RecordedWrite {
  /** The settings as read before the write (queueRecordRead → recordsBefore). */
  before: RecordsBefore;
  /** The new record, as stored. */
  record: string;
  /** Queues what the action writes. */
  write: () => void;
  /** Queues putting back what the action wrote over; returns what must be queued after the records. */
  revert: () => Last;
  /** When the revert batch failed: whether the workbook holds what it held before anyway (a read). */
  asBefore: () => Promise<boolean>;
}

/** Writes with its record, all or nothing: throws "write.failed" (saying whether it was put back) when Excel refuses. */
export async function commitRecorded(context: Excel.RequestContext, w: RecordedWrite): Promise<void> {
  queueRecordStore(context, w.before, w.record);
  w.write();
  try {
    await context.sync();
  } catch (e) {
    const last = w.revert() ?? [];
    queueRecordsBack(context, w.before);
    last.forEach((op) => op());
    // Only the operations at the end may fail (deletes of what the failed batch never added).
    const ok = await context.sync().then(
      () => true,
      () => w.asBefore(),
    );
    throw writeFailed(e, ok);
  }
}

export interface RecordedUndo {
  /** The record being undone, under the key it was found (the previous version's, perhaps). */
  stored: StoredRecord;
  /** Queues putting back what was there before the action; returns what must be queued last. */
  restore: () => Last;
  /** Queues putting back what is there now (a failed undo); returns what must be queued last. */
  revert: () => Last;
  /** When the revert batch failed: whether the workbook holds what it held before the undo anyway. */
  asBefore?: () => Promise<boolean>;
}

/** Undoes with the record, all or nothing: the record is forgotten in the same batch, and back when Excel refuses. */
export async function undoRecorded(context: Excel.RequestContext, u: RecordedUndo): Promise<void> {
  const last = u.restore() ?? [];
  queueRecordForget(context, u.stored);
  last.forEach((op) => op());
  try {
    await context.sync();
  } catch (e) {
    const back = u.revert() ?? [];
    queueRecordPutBack(context, u.stored);
    back.forEach((op) => op());
    const ok = await context.sync().then(
      () => true,
      () => (u.asBefore ? u.asBefore() : false),
    );
    throw writeFailed(e, ok);
  }
}

/** Whether an undo may go ahead: nothing changed since the action, or the user confirmed this very preview. */
export const confirmed = (preview: { changed: readonly unknown[]; confirmation: string }, confirm?: string): boolean =>
  !preview.changed.length || confirm === preview.confirmation;
