// The record of a share-safe run (under the one key scheme of src/excel/undoRecords.ts), and how
// its cells are written and read back: one range per run of rows, never one per cell. Shared by the
// run (shareSafeCommand.ts) and its undo (shareSafeUndo.ts).
import { address, parseAddress, rangeAddress } from "../core/plan/a1";
import { restoreInput } from "./rangeContent";
import { storedValue } from "./generationRecord";
import { recordSetting } from "./undoRecords";
import { supports } from "./requirements";

/** The workflow of the last share-safe run's record (apart from the proposal's and the insert's). */
export const SHARE_SAFE_KIND = "shareSafe";
/** The settings key of that record (src/excel/undoRecords.ts; the previous version's ibn.lastShareSafe is still read). */
export const SHARE_SAFE_SETTING = recordSetting(SHARE_SAFE_KIND);

/** What one share-safe run changed on one sheet. */
export interface ShareSafeSheetRecord {
  /** The sheet's id (survives renames) and its name then. */
  id: string;
  name: string;
  /** Each changed cell ("C2"): its content before (a formula, or "" for a cell its spill filled) and after. */
  cells: { address: string; before: unknown; after: unknown }[];
  /** Each note written: the text before (null: the run added the note) and after. */
  notes: { address: string; before: string | null; after: string }[];
  /** Comments added instead of notes (before ExcelApi 1.18), by cell. */
  comments: string[];
}

export interface ShareSafeRecord {
  kind: "shareSafe";
  sheets: ShareSafeSheetRecord[];
  /** When (ISO 8601). */
  at: string;
}

/** The stored record, or null when the setting is not one (never undo on a guess). */
export function parseShareSafeRecord(stored: unknown): ShareSafeRecord | null {
  const r = storedValue(stored) as Partial<ShareSafeRecord> | null | undefined;
  if (!r || r.kind !== "shareSafe" || !Array.isArray(r.sheets)) return null;
  const ok = r.sheets.every(
    (s) =>
      typeof s?.id === "string" &&
      typeof s.name === "string" &&
      Array.isArray(s.cells) &&
      s.cells.every((c) => typeof c?.address === "string") &&
      Array.isArray(s.notes) &&
      s.notes.every((n) => typeof n?.address === "string" && typeof n.after === "string") &&
      Array.isArray(s.comments),
  );
  return ok ? (r as ShareSafeRecord) : null;
}

/**
 * Rectangles that cover one sheet's changed cells: one per run of consecutive changed rows,
 * spanning its changed columns, null (leave as is) elsewhere. Never larger than the range read.
 */
export function writeBlocks(
  cells: readonly { row: number; col: number; content: unknown }[],
): { address: string; formulas: unknown[][] }[] {
  const rows = new Map<number, Map<number, unknown>>();
  for (const { row, col, content } of cells) rows.set(row, (rows.get(row) ?? new Map()).set(col, content));
  const sorted = [...rows.keys()].sort((a, b) => a - b);
  const runs: number[][] = [];
  sorted.forEach((r, i) => (i > 0 && r === sorted[i - 1] + 1 ? runs[runs.length - 1].push(r) : runs.push([r])));
  return runs.map((run) => {
    const cols = run.flatMap((r) => [...rows.get(r)!.keys()]);
    const [left, right] = cols.reduce(([lo, hi], c) => [Math.min(lo, c), Math.max(hi, c)], [Infinity, -Infinity]);
    const formulas = run.map((r) =>
      Array.from({ length: right - left + 1 }, (_, k) =>
        rows.get(r)!.has(left + k) ? rows.get(r)!.get(left + k) : null,
      ),
    );
    return { address: rangeAddress(run[0], left, run.length, right - left + 1), formulas };
  });
}

/** Queues writing each recorded cell's `side` ("before" or "after", or given contents) back, one range per run of rows. */
export function queueCells(ws: Excel.Worksheet, cells: { address: string; content: unknown }[]): void {
  const at = cells.map((c) => ({ ...parseAddress(c.address), content: restoreInput(c.content) }));
  for (const block of writeBlocks(at)) ws.getRange(block.address).formulas = block.formulas as string[][];
}

/**
 * Queues putting the notes back: set back the text of notes that existed, then (last, because
 * deleting one that the failed batch never added may fail) delete the ones the run added.
 */
export function queueNotesBack(
  context: Excel.RequestContext,
  ws: Excel.Worksheet,
  sheet: ShareSafeSheetRecord,
  deletes: (() => void)[],
  /** The notes' texts now (undo): a note the user deleted is not deleted again, nor set, but added. */
  now?: (string | null)[],
): void {
  // Notes need ExcelApi 1.18: a run recorded them only where Excel had it; an older Excel opening the workbook cannot touch them.
  if (supports("1.18"))
    sheet.notes.forEach((n, j) => {
      const exists = now ? now[j] !== null : true;
      if (n.before !== null && exists) ws.notes.getItemOrNullObject(n.address).content = n.before;
      else if (n.before !== null) ws.notes.add(ws.getRange(n.address), n.before);
      else if (exists) deletes.push(() => ws.notes.getItemOrNullObject(n.address).delete());
    });
  for (const a of sheet.comments) deletes.push(() => context.workbook.comments.getItemByCell(ws.getRange(a)).delete());
}

/**
 * Queues reading the formulas of the cells `addresses` on `ws`: one range per run of rows, as the
 * write (not one per cell); after the sync, the result gives them in the order asked.
 */
export function queueCellReads(ws: Excel.Worksheet, addresses: string[]): () => unknown[] {
  const blocks = writeBlocks(addresses.map((a) => ({ ...parseAddress(a), content: true })));
  const reads = blocks.map((b) => ({
    origin: parseAddress(b.address.split(":")[0]),
    range: ws.getRange(b.address).load("formulas"),
  }));
  return () => {
    const value = new Map<string, unknown>();
    for (const { origin, range } of reads)
      (range.formulas as unknown[][]).forEach((row, r) =>
        row.forEach((v, c) => value.set(address(origin.row + r, origin.col + c), v)),
      );
    return addresses.map((a) => value.get(a));
  };
}
