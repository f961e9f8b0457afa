// "Highlight findings" of Check tables: colours the cells of the findings (fills only, never a value)
// and "Clear highlights" puts their fills back. An undoable action like the others: on the skeleton
// of src/excel/undoableAction.ts, its record under the one key scheme (`ibn.undo.highlights`; the
// previous version's `ibn.checkHighlights` is still read), all or nothing both ways.
import type { Finding } from "../core/evaluation";
import { commitRecorded, undoRecorded } from "./undoableAction";
import { queueRecordForget, queueRecordRead, recordSetting, recordsBefore, storedRecord } from "./undoRecords";

export const HIGHLIGHT_KIND = "highlights";
export const HIGHLIGHT_SETTING = recordSetting(HIGHLIGHT_KIND);
const COLORS = { error: "#FDE7E9", warning: "#FFF4CE" } as const;

/** A highlighted cell and the fill it had before ("#FFFFFF": none). */
interface SavedFill {
  sheet: string;
  cell: string;
  color: string;
}

const fillOf = (context: Excel.RequestContext, s: { sheet: string; cell: string }) =>
  context.workbook.worksheets.getItem(s.sheet).getRange(s.cell).format.fill;

/** Queues the fill `color` at the cell: none for white or empty (as the cell was before any fill). */
function queueFill(context: Excel.RequestContext, s: { sheet: string; cell: string }, color: string | null): void {
  const fill = fillOf(context, s);
  if (!color || color.toUpperCase() === "#FFFFFF") fill.clear();
  else fill.color = color;
}

const parseSaved = (value: unknown): SavedFill[] | null => {
  try {
    const saved = JSON.parse(String(value)) as unknown;
    return Array.isArray(saved) ? (saved as SavedFill[]) : null;
  } catch {
    return null;
  }
};

/** Colours the cells of the findings, remembering their fill so that clearing restores it; clears the last highlighting first. */
export async function showHighlights(context: Excel.RequestContext, findings: Finding[]): Promise<number> {
  await clearHighlights(context);
  const cells = findings.map((f) => ({ f, fill: fillOf(context, f).load("color") }));
  const records = queueRecordRead(context, HIGHLIGHT_KIND);
  await context.sync();
  const saved: SavedFill[] = cells.map(({ f, fill }) => ({ sheet: f.sheet, cell: f.cell, color: fill.color }));
  await commitRecorded(context, {
    before: recordsBefore(records),
    record: JSON.stringify(saved),
    write: () => cells.forEach(({ f, fill }) => (fill.color = COLORS[f.severity])),
    revert: () => saved.forEach((s) => queueFill(context, s, s.color)),
    asBefore: async () => {
      try {
        const now = saved.map((s) => fillOf(context, s).load("color"));
        await context.sync();
        return now.every((fill, i) => fill.color.toUpperCase() === saved[i].color.toUpperCase());
      } catch {
        return false;
      }
    },
  });
  return cells.length;
}

/** Restores the fills the last highlighting replaced; returns how many cells it restored. */
export async function clearHighlights(context: Excel.RequestContext): Promise<number> {
  const records = queueRecordRead(context, HIGHLIGHT_KIND);
  const sheets = context.workbook.worksheets.load("items/name");
  await context.sync();
  const stored = storedRecord(records);
  if (!stored) return 0;
  const saved = parseSaved(stored.value) ?? [];
  // A sheet deleted or renamed since: nothing of it to restore.
  const exists = new Set(sheets.items.map((s) => s.name));
  const present = saved.filter((s) => exists.has(s.sheet));
  if (!present.length) {
    queueRecordForget(context, stored);
    await context.sync();
    return saved.length;
  }
  const now = present.map((s) => fillOf(context, s).load("color"));
  await context.sync();
  await undoRecorded(context, {
    stored,
    restore: () => present.forEach((s) => queueFill(context, s, s.color)),
    revert: () => present.forEach((s, i) => queueFill(context, s, now[i].color)),
  });
  return saved.length;
}
