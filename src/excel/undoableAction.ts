// The skeleton of every action that can be undone: each workflow plugs in what it writes and what
// it restores; this module owns the order that makes it safe (Office.js has no transactions: a
// failed sync keeps what ran before the failing operation), and the record protocol of
// src/excel/undoRecords.ts (one key scheme, markers against a second pane or a co-author).
// Reading, refusing (protection, occupied cells) and planning stay with each workflow: they are
// what differs.
//
// In place (Insert at the selection, Share-safe, and the in-place workflows to come):
//  commitRecorded: one batch, the record first (so that undo can clean up even when the revert
//          fails), then the action's writes. If it fails: one revert batch (the action's restores,
//          then the records as they were, then what must come last), and when even that fails, one
//          read decides whether the workbook is as before anyway. Then the typed "write.failed".
//  undoRecorded: one batch (the restores, the record forgotten, then what must come last). If it
//          fails: one revert batch (what was there before the undo, the record put back, then what
//          must come last).
//
// New sheets (the proposal, the evaluation tables as a new sheet, and the workflows to come that add
// sheets and names): what they add cannot be half there, and deleted sheets cannot come back.
//  commitStaged: stage (hidden sheets under the attempt's names, and the reads that show whether
//          another action committed meanwhile), then one commit batch: the last record's marker
//          consumed first (when another pane replaced or undid that record, the batch fails before
//          it changes anything), the action's commit, then this attempt's marker and the record
//          last. Any failure: the workflow's revert (one read, one batch); a commit that lost a
//          race says "action.busy", any other failure "write.failed".
//  undoDeleting: one batch: a retry marker in place of the record's marker, the deletes with the
//          record forgotten, the retry marker gone. If it fails: not a revert but the workflow's
//          finish of what is left, which consumes the retry marker first.
//
// Every undo asks first when something changed since the action: `confirmed`.
import { AddinError } from "../core/errors";
import {
  currentMarker,
  markerSetting,
  newAttemptId,
  queueRecordForget,
  queueRecordPutBack,
  queueRecordsBack,
  queueRecordStore,
  queueSettingKeys,
  recordSetting,
  retryMarkerSetting,
  type RecordsBefore,
  type StoredRecord,
} from "./undoRecords";
import { stepFailed, writeFailed } from "./writeErrors";

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

// ---------------------------------------------------------------------------------------------
// New sheets

/** After a failed commit, queued with the revert's read: once synced, queues this attempt's marker's delete and says whether another action's record is the last now. */
export type RaceCheck = () => () => boolean;

export interface StagedWrite {
  /** The workflow (its record's settings key). */
  kind: string;
  /** This attempt's id: its marker's, and the staged sheets' names'. */
  attempt: string;
  /** The last record's attempt id (its marker is consumed first), null when there is none or it has none. */
  lastId: string | null;
  /** The last record's stamp, null when none: another one after a failed commit means a lost race. */
  lastStamp: string | null;
  /** The stamp of a stored record value (the workflow's parse), null when it is none of this kind. */
  stampOf: (value: unknown) => string | null;
  /** Queues the staging and its reads; returns what checks them once synced (throws a typed refusal). */
  stage: () => () => void;
  /** Queues the commit, after the last record's marker; returns the record to store last. */
  commit: () => string;
  /** Puts back what a failed stage (`race` null) or commit did: one read, one batch. Throws when Excel refuses even that. */
  revert: (race: RaceCheck | null) => Promise<boolean>;
}

/** Stages, then commits with the record last, all or nothing (see the top of this file): two syncs. */
export async function commitStaged(context: Excel.RequestContext, w: StagedWrite): Promise<void> {
  const settingKeys = w.lastId ? queueSettingKeys(context) : null;
  const check = w.stage();
  try {
    await context.sync();
  } catch (e) {
    await w.revert(null);
    throw stepFailed("write", e);
  }
  try {
    check();
  } catch (e) {
    await w.revert(null);
    throw e;
  }
  const lastMarker = w.lastId
    ? currentMarker(
        settingKeys!.items.map((s) => s.key),
        w.kind,
        w.lastId,
      )
    : null;
  if (lastMarker) context.workbook.settings.getItem(lastMarker).delete();
  const record = w.commit();
  const mine = markerSetting(w.kind, w.attempt);
  context.workbook.settings.add(mine, "1");
  context.workbook.settings.add(recordSetting(w.kind), record);
  try {
    await context.sync();
  } catch (e) {
    const superseded = await w.revert(() => {
      const now = context.workbook.settings.getItemOrNullObject(recordSetting(w.kind)).load("value");
      const marker = context.workbook.settings.getItemOrNullObject(mine).load("value");
      return () => {
        // The last record's marker is never put back (undoRecords.ts); this attempt's goes.
        if (!marker.isNullObject) marker.delete();
        return (now.isNullObject ? null : w.stampOf(now.value)) !== w.lastStamp;
      };
    });
    // Another pane or a co-author replaced or undid the last record meanwhile: this write lost the race.
    throw superseded ? new AddinError("action.busy") : stepFailed("write", e);
  }
}

export interface RecordedDeletes {
  kind: string;
  /** The record's current marker (its own, or an earlier undo's retry marker); null when it has none. */
  marker: string | null;
  /** The record's attempt id; null in an older version's record. */
  recordId: string | null;
  /** Queues the deletes, the record's forget among them. */
  deletes: () => void;
  /** Finishes what is left of the deletes when Excel refused their batch halfway; `retry` is the retry marker it consumes first. */
  finish: (retry: string | null) => Promise<void>;
}

/** Undoes by deleting, with the record (see the top of this file): one sync, or the finish when Excel refuses halfway. */
export async function undoDeleting(context: Excel.RequestContext, u: RecordedDeletes): Promise<void> {
  // The record's marker first: when another pane or a co-author replaced the record since it was
  // read, the marker is gone and the batch fails here, before anything is deleted. A retry marker,
  // added just before, stands in for it until the batch's end (undoRecords.ts).
  const retry = u.marker && u.recordId ? retryMarkerSetting(u.kind, u.recordId, newAttemptId()) : null;
  if (retry) context.workbook.settings.add(retry, "1");
  if (u.marker) context.workbook.settings.getItem(u.marker).delete();
  u.deletes();
  if (retry) context.workbook.settings.getItem(retry).delete();
  try {
    await context.sync();
  } catch {
    // Deleted sheets cannot come back: finish the undo instead, with what is left of it.
    await u.finish(retry);
  }
}
