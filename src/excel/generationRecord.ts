// What one generation added to the workbook, stored in the workbook's settings so that "Undo last
// generation" removes exactly that, even after the task pane was closed.

/** The settings key (Excel settings API, ExcelApi 1.4). */
export const GENERATION_SETTING = "ibn.lastGeneration";

export interface GenerationRecord {
  /** Sheets the generation added, in plan order. */
  sheets: string[];
  /** Workbook-scoped defined names it added. */
  names: string[];
  /** Areas written on sheets that already existed ("'Sheet'!B2:H40"), cleared again by undo. */
  ranges?: string[];
  /** When it was written (ISO 8601). */
  at: string;
}

export function newRecord(sheets: string[], names: string[], ranges?: string[]): GenerationRecord {
  return { sheets, names, ...(ranges ? { ranges } : {}), at: new Date().toISOString() };
}

const isStrings = (x: unknown): x is string[] => Array.isArray(x) && x.every((s) => typeof s === "string");

/** The stored record, or null when the setting is not a record (never undo on a guess). */
export function parseRecord(stored: unknown): GenerationRecord | null {
  let data: unknown = stored;
  try {
    if (typeof stored === "string") data = JSON.parse(stored);
  } catch {
    return null;
  }
  const r = data as Partial<GenerationRecord> | null;
  if (!r || !isStrings(r.sheets) || !isStrings(r.names) || (r.ranges !== undefined && !isStrings(r.ranges)))
    return null;
  return { sheets: r.sheets, names: r.names, ...(r.ranges ? { ranges: r.ranges } : {}), at: String(r.at ?? "") };
}
