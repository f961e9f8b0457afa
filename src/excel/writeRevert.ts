// Putting the workbook back after a failed new-sheet write (officeWriter.ts), and removing the
// user's sheets Replace set aside once the write is done: only what this attempt did is touched.
import { mentionsSheet } from "../core/plan/formulaRefs";
import { rewriteReferences } from "../core/plan/rename";
import { queueNameRepoint, queueRepoint, type RepointCell, type RepointName } from "./repoint";
import type { RaceCheck } from "./undoableAction";
import { stagedRevertFailed } from "./writeErrors";
import type { BookState } from "./writeTarget";
import { parseSheetsRecord, recordSetting } from "./generationRecord";

const lower = (s: string) => s.toLowerCase();

/**
 * Puts the workbook back as it was before a failed write: one read, then one batch that deletes the
 * sheets this attempt added (by id, or by the attempt's prefix when their ids were never learnt),
 * renames the user's sheets back, and puts back the defined names the plan touched. Throws when
 * Excel refuses even that, naming what is left.
 */
export async function revertWrite(
  context: Excel.RequestContext,
  before: BookState,
  prefix: string,
  stagedIds: string[],
  planNames: Set<string>,
  repointed: RepointCell[] = [],
  repointedNames: RepointName[] = [],
  race: RaceCheck | null = null,
  kind: string | null = null,
): Promise<boolean> {
  try {
    const raced = race?.(); // the record and this attempt's marker, read with the rest (undoableAction.ts)
    const sheets = context.workbook.worksheets.load("items/name,items/id");
    const names = context.workbook.names.load("items/name,items/formula");
    const last = kind ? context.workbook.settings.getItemOrNullObject(recordSetting(kind)).load("value") : null;
    await context.sync();
    // Another action's Replace that committed meanwhile set aside the same sheet of the user's, which
    // this attempt then renamed: it goes back to waiting under that action's name, hidden.
    const winner = last && !last.isNullObject ? parseSheetsRecord(last.value, kind!) : null;
    const othersAside = new Map(
      (winner?.replaced?.sheets ?? []).filter((m) => m.asideName).map((m) => [m.id, m.asideName!]),
    );
    // Only what this attempt did is undone: its own sheets (its ids, its prefix), the user's sheets
    // it set aside (under its prefix), and the names that point at its own sheets. Another action's
    // sheets and names (a second pane, a co-author) are never touched.
    const existed = new Set(before.sheets.map((s) => s.id));
    const ours = sheets.items.filter(
      (ws) => !existed.has(ws.id) && (stagedIds.includes(ws.id) || ws.name.startsWith(prefix)),
    );
    const now = new Map(sheets.items.map((ws) => [ws.id, ws.name]));
    const aside = before.sheets.filter((s) => now.get(s.id)?.startsWith(prefix));
    // A user's sheet set aside goes back under its name, unless another action took that name meanwhile.
    const taken = new Set(sheets.items.filter((ws) => !ours.includes(ws)).map((ws) => lower(ws.name)));
    // The user's sheets set aside show again first (the commit hid them): a workbook keeps one visible sheet.
    for (const s of aside)
      if (!taken.has(lower(s.name)))
        context.workbook.worksheets.getItem(s.id).visibility = s.visibility as Excel.SheetVisibility;
    for (const ws of ours) ws.delete();
    for (const s of aside) {
      const ws = context.workbook.worksheets.getItem(s.id);
      if (!taken.has(lower(s.name))) ws.name = s.name;
      else if (othersAside.has(s.id)) {
        ws.name = othersAside.get(s.id)!;
        ws.visibility = "Hidden";
      }
    }
    // The user's formulas re-pointed at the staged sheets (#REF! once they are deleted) name the
    // user's sheets again, written back as they were once those have their names back.
    if (aside.every((s) => !taken.has(lower(s.name)))) {
      queueRepoint(context, repointed);
      queueNameRepoint(
        context,
        repointedNames.filter((n) => names.items.some((x) => lower(x.name) === lower(n.name))),
      );
    }
    // The names are touched only when the commit ran (the staged ids are known then): a failed
    // staging never reached them, so a revert that fails in its turn cannot lose a user's name.
    if (stagedIds.length) {
      const removed = new Set<string>();
      for (const n of names.items)
        if (planNames.has(lower(n.name)) && ours.some((ws) => mentionsSheet(String(n.formula), ws.name))) {
          context.workbook.names.getItem(n.name).delete();
          removed.add(lower(n.name));
        }
      // A user's name that followed its sheet aside and back reads the same but may be spelt
      // otherwise: it is put back exactly as it was. A name now pointing elsewhere is not ours.
      const back = new Map(sheets.items.map((ws) => [lower(ws.name), ws.name]));
      for (const s of before.sheets) if (now.get(s.id)?.startsWith(prefix)) back.set(lower(now.get(s.id)!), s.name);
      const canon = (f: string) => rewriteReferences(f.startsWith("=") ? f : `=${f}`, back, new Map());
      const current = new Map(names.items.map((n) => [lower(n.name), String(n.formula)]));
      for (const n of before.names) {
        const key = lower(n.name);
        const formula = current.get(key);
        const respelt =
          formula !== undefined &&
          formula.includes(prefix) &&
          formula !== n.formula &&
          canon(formula) === canon(n.formula);
        if (!planNames.has(key) || (formula !== undefined && !removed.has(key) && !respelt)) continue;
        if (respelt && !removed.has(key)) context.workbook.names.getItem(n.name).delete();
        context.workbook.names.add(n.name, n.formula, n.comment || undefined);
      }
    }
    // This attempt's marker goes; whether another action's record is the last now (a lost race).
    const superseded = raced?.() ?? false;
    await context.sync();
    return superseded;
  } catch (e) {
    throw stagedRevertFailed(prefix, e);
  }
}

/** Deletes the sheets with these ids; tries again for what is left. Returns the names of sheets it could not delete. */
export async function removeSheets(context: Excel.RequestContext, ids: string[]): Promise<string[]> {
  let left = ids;
  for (let attempt = 0; ; attempt++) {
    left.forEach((id) => context.workbook.worksheets.getItem(id).delete());
    try {
      await context.sync();
      return [];
    } catch {
      // Office.js keeps what ran before the failing operation: look again at what is left.
    }
    const sheets = context.workbook.worksheets.load("items/name,items/id");
    try {
      await context.sync();
    } catch {
      return left;
    }
    const still = sheets.items.filter((ws) => left.includes(ws.id));
    if (!still.length) return [];
    if (attempt === 1) return still.map((ws) => ws.name);
    left = still.map((ws) => ws.id);
  }
}
