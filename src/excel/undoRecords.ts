// The one key scheme of the undo records, in the workbook's settings (ExcelApi 1.4): every workflow
// keeps its last action's record under `ibn.undo.<kind>` (the proposal, the evaluation tables, an
// insert, a share-safe run, and the workflows to come). The previous version stored the insert's
// and share-safe's records under keys of their own (`ibn.lastInsert`, `ibn.lastShareSafe`): those
// are still read, so that a workbook saved by it can be undone, and removed once used (by an undo,
// or by a new action whose record takes their place). Queued with the caller's batch.

/** The prefix of every sheet name an action uses while it is not complete, and of the sheets a Replace set aside. */
export const TEMP_PREFIX = "~ibn ";

/** A short attempt id, so that what an attempt adds (its staged sheets, its markers) can be told from anything else. */
export function newAttemptId(): string {
  return (Date.now() % 1_679_616).toString(36).padStart(4, "0") + Math.floor(Math.random() * 1296).toString(36);
}

/** The settings key of a workflow's record. */
export const recordSetting = (kind: string): string => `ibn.undo.${kind}`;

/**
 * The marker of one record (its attempt id): a setting that exists while that record is the last.
 * Office.js has no conditional writes, but deleting a setting that is gone fails: an action that
 * replaces or undoes a record deletes its marker first in its batch, so that when another pane or
 * co-author replaced or undid the record meanwhile, the batch fails before it changes anything.
 * Markers are never put back: a record without one (an older version's, or one whose replacing
 * write failed) is simply undone or replaced without this check.
 */
export const markerSetting = (kind: string, id: string): string => `${recordSetting(kind)}@${id}`;

/**
 * The marker an undo puts in place of the one it consumed, in the same batch: when Excel refuses a
 * later operation of that batch (Office.js keeps what ran before), the undo finishes in one more
 * batch, which consumes this one first, so a write that committed in that round trip (and consumed
 * it) still makes the undo fail before it deletes anything of that write's. Unique per attempt, so
 * that no reader of an older marker can consume it.
 */
export const retryMarkerSetting = (kind: string, id: string, attempt: string): string =>
  `${markerSetting(kind, id)}/${attempt}`;

/** Queues reading the settings' keys, among them a record's current marker (currentMarker). */
export const queueSettingKeys = (context: Excel.RequestContext): Excel.SettingCollection =>
  context.workbook.settings.load("items/key");

/** The record's current marker among the settings' keys: its own, else an undo's retry marker; null when none. */
export function currentMarker(keys: readonly string[], kind: string, id: string): string | null {
  const own = markerSetting(kind, id);
  return keys.find((k) => k === own) ?? keys.find((k) => k.startsWith(`${own}/`)) ?? null;
}

/** The keys the previous version used, per kind: read, never written. */
export const LEGACY_SETTINGS: Readonly<Record<string, string>> = {
  insert: "ibn.lastInsert",
  shareSafe: "ibn.lastShareSafe",
  highlights: "ibn.checkHighlights",
};

/** A queued read of a workflow's record, under its key and under the previous version's. */
export interface RecordRead {
  kind: string;
  current: Excel.Setting;
  legacy: Excel.Setting | null;
}

/** The stored record, once the read has synced: the key it is under and its value. */
export interface StoredRecord {
  key: string;
  value: unknown;
}

/** What the settings held before an action, to put back exactly when the action fails. */
export interface RecordsBefore {
  kind: string;
  current: unknown;
  legacy: unknown;
}

/** Queues reading the record of `kind` (both keys). */
export function queueRecordRead(context: Excel.RequestContext, kind: string): RecordRead {
  const legacyKey = LEGACY_SETTINGS[kind];
  return {
    kind,
    current: context.workbook.settings.getItemOrNullObject(recordSetting(kind)).load("value"),
    legacy: legacyKey ? context.workbook.settings.getItemOrNullObject(legacyKey).load("value") : null,
  };
}

/** The record read: under the current key, else under the previous version's; null when there is none. */
export function storedRecord(read: RecordRead): StoredRecord | null {
  if (!read.current.isNullObject) return { key: recordSetting(read.kind), value: read.current.value as unknown };
  if (read.legacy && !read.legacy.isNullObject) return { key: LEGACY_SETTINGS[read.kind], value: read.legacy.value };
  return null;
}

/** The settings as read, before an action writes its record. */
export function recordsBefore(read: RecordRead): RecordsBefore {
  return {
    kind: read.kind,
    current: read.current.isNullObject ? null : (read.current.value as unknown),
    legacy: !read.legacy || read.legacy.isNullObject ? null : (read.legacy.value as unknown),
  };
}

/** Queues storing a new record of the action: it replaces the last one, under either key. */
export function queueRecordStore(context: Excel.RequestContext, before: RecordsBefore, value: string): void {
  context.workbook.settings.add(recordSetting(before.kind), value);
  if (before.legacy !== null) context.workbook.settings.getItem(LEGACY_SETTINGS[before.kind]).delete();
}

/**
 * Queues putting the settings back as they were before the action (a revert). Last in its batch:
 * deleting a record that the failed batch never stored may fail, and must not stop the rest.
 */
export function queueRecordsBack(context: Excel.RequestContext, before: RecordsBefore): void {
  if (before.legacy !== null) context.workbook.settings.add(LEGACY_SETTINGS[before.kind], before.legacy);
  if (before.current !== null) context.workbook.settings.add(recordSetting(before.kind), before.current);
  else context.workbook.settings.getItemOrNullObject(recordSetting(before.kind)).delete();
}

/** Queues forgetting the record found (an undo done, or a record about a sheet that is gone). */
export function queueRecordForget(context: Excel.RequestContext, found: StoredRecord): void {
  context.workbook.settings.getItem(found.key).delete();
}

/** Queues putting back the record found, under the key it was under (a failed undo's revert). */
export function queueRecordPutBack(context: Excel.RequestContext, found: StoredRecord): void {
  context.workbook.settings.add(found.key, found.value);
}
