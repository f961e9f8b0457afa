// "Highlight findings" of Check tables: colours the cells of the findings (fills only, never a value)
// and "Clear highlights" puts their fills back. An undoable action like the others: on the skeleton
// of src/excel/undoableAction.ts, its record under the one key scheme (`ibn.undo.highlights`; the
// previous version's `ibn.checkHighlights` is still read), all or nothing both ways.
import type { Finding } from "../core/evaluation";
import { commitRecorded, undoRecorded } from "./undoableAction";
import { sheetProtected } from "./writeErrors";
import { queueRecordRead, recordSetting, recordsBefore, storedRecord } from "./undoRecords";

export const HIGHLIGHT_KIND = "highlights";
export const HIGHLIGHT_SETTING = recordSetting(HIGHLIGHT_KIND);
const COLORS = { error: "#FDE7E9", warning: "#FFF4CE" } as const;

/** A highlighted cell, the fill it had before ("#FFFFFF": none) and the highlight's (absent in the previous version's records). */
interface SavedFill {
  sheet: string;
  cell: string;
  color: string;
  shown?: string;
}

const same = (a: string | null | undefined, b: string | null | undefined) =>
  (a ?? "").toUpperCase() === (b ?? "").toUpperCase();
/** Whether a cell still shows the highlight it was given: a fill the user chose since is theirs, and stays. */
const stillHighlighted = (s: SavedFill, now: string) =>
  s.shown ? same(now, s.shown) : Object.values(COLORS).some((c) => same(now, c));

/** Refuses (write.sheetProtected, naming it) when a sheet of these cells is protected: fills cannot change there. One sync. */
async function assertUnprotected(context: Excel.RequestContext, sheets: string[]): Promise<void> {
  const reads = [...new Set(sheets)].map((name) => ({
    name,
    protection: context.workbook.worksheets.getItem(name).protection.load("protected"),
  }));
  await context.sync();
  const locked = reads.find((r) => r.protection.protected);
  if (locked) throw sheetProtected(locked.name);
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
  await assertUnprotected(
    context,
    findings.map((f) => f.sheet),
  );
  const cells = findings.map((f) => ({ f, fill: fillOf(context, f).load("color") }));
  const records = queueRecordRead(context, HIGHLIGHT_KIND);
  await context.sync();
  const saved: SavedFill[] = cells.map(({ f, fill }) => ({
    sheet: f.sheet,
    cell: f.cell,
    color: fill.color,
    shown: COLORS[f.severity],
  }));
  const before = recordsBefore(records);
  await commitRecorded(context, {
    before,
    record: JSON.stringify(saved),
    write: () => cells.forEach(({ fill }, i) => (fill.color = saved[i].shown!)),
    revert: () => saved.forEach((s) => queueFill(context, s, s.color)),
    // The fills, and the record: a revert that stopped before the record went is not "as before".
    asBefore: async () => {
      try {
        const now = saved.map((s) => fillOf(context, s).load("color"));
        const record = queueRecordRead(context, HIGHLIGHT_KIND);
        await context.sync();
        const after = recordsBefore(record);
        return (
          now.every((fill, i) => same(fill.color, saved[i].color)) &&
          after.current === before.current &&
          after.legacy === before.legacy
        );
      } catch {
        return false;
      }
    },
  });
  return cells.length;
}

/**
 * Restores the fills the last highlighting replaced, where a cell still shows its highlight (a fill
 * chosen since is the user's, and stays); returns how many cells it restored. Refuses, changing
 * nothing, when one of those sheets is protected now.
 */
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
  if (present.length)
    await assertUnprotected(
      context,
      present.map((s) => s.sheet),
    );
  const fills = present.map((s) => fillOf(context, s).load("color"));
  if (present.length) await context.sync();
  const now = fills.map((f) => f.color);
  const ours = present.filter((s, i) => stillHighlighted(s, now[i]));
  await undoRecorded(context, {
    stored,
    restore: () => ours.forEach((s) => queueFill(context, s, s.color)),
    revert: () => ours.forEach((s) => queueFill(context, s, now[present.indexOf(s)])),
  });
  return ours.length;
}
