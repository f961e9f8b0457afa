// The record of an insert at the selection, under the one key scheme of src/excel/undoRecords.ts:
// what the insert wrote (its areas' fingerprints) and what it replaced, so that its undo puts that
// back, also after the workbook was reopened. Shared by the insert (tableInsert.ts) and its undo
// (insertUndo.ts).
import { storedValue } from "./generationRecord";
import type { RangeContent } from "./rangeContent";
import { recordSetting } from "./undoRecords";

/** The workflow of the last insert's record (its own: the proposal's undo never touches it). */
export const INSERT_KIND = "insert";
/** The settings key of that record (src/excel/undoRecords.ts; the previous version's ibn.lastInsert is still read). */
export const INSERT_SETTING = recordSetting(INSERT_KIND);

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
