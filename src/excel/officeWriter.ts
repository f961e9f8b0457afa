// The Office.js writer: applies a workbook plan as new sheets, all or nothing, in at most five
// context.sync round trips whatever its size (three for Keep both, four for Replace). Office.js has no transactions (a failed sync keeps
// what ran before the failing operation), so the write goes in steps that can each be undone:
//
//  1. Read: sheet names, ids and protection, defined names, workbook protection. Refuse before
//     any write when the workbook structure is protected, or when Replace would remove a protected
//     sheet; pick free names for "keep both".
//     Replace: read the formulas of the sheets that stay, to re-point those that use a replaced
//     sheet (src/excel/repoint.ts).
//  2. Stage: add the sheets hidden, under names unique to this attempt ("~ibn <attempt> 1"), write
//     their cells, formats, styles, layout and charts, and read back their ids and content. If this
//     fails, one cleanup batch deletes every sheet that carries the attempt's prefix.
//  3. Commit: move the user's clashing sheets aside (renamed, never deleted), rename the staged
//     sheets into place and show them, hide what was set aside (it waits for this generation's
//     undo), write the user's re-pointed formulas back as they were (they now name the new sheets),
//     replace the clashing defined names, and store the undo record (sheet ids, fingerprints, and
//     what Replace replaced) last. If this fails, one revert batch deletes the staged sheets by id,
//     shows and renames the user's sheets back, writes the re-pointed formulas back (they name the
//     user's sheets again) and puts back the names.
//  4. Finish: delete what the last record's Replace set aside (it can no longer come back); if
//     that fails, try once more, else keep it and say where it is. What a formula not re-pointed
//     still uses stays in view instead, and is never deleted.
//
// Steps 2 and 3 run on the skeleton of every undoable action (src/excel/undoableAction.ts
// commitStaged), which owns their order and the record's markers; this file plugs in what they
// write and how a failure is put back. Undo is in undoSheets.ts (re-exported here): it goes by
// identity, and keeps what the user edited and what a staying sheet, name or chart uses.
import { runExclusive } from "./exclusive";
import { AddinError } from "../core/errors";
import { withSheetNames } from "../core/plan/geometry";
import type { WorkbookPlan } from "../core/plan/types";
import { loadFormulaLocale } from "./localFormulas";
import { queueProtection } from "./protection";
import { namesToRepoint, planRepoint, queueNameRepoint, queueRepoint } from "./repoint";
import { areaOf, lookMark, readLook } from "./sheetLook";
import { queueUsedFormulas } from "./areaChunks";
import { newAttemptId, TEMP_PREFIX } from "./undoRecords";
import { commitStaged } from "./undoableAction";
import { sheetProtected } from "./writeErrors";
import { queueChart, queueStagedSheet } from "./stagedSheets";
import { assertValid, readBook, writeTarget, type ConflictChoice } from "./writeTarget";
import { removeSheets, revertWrite } from "./writeRevert";
import {
  newSheetsRecord,
  parseSheetsRecord,
  withoutReplaced,
  PROPOSAL_KIND,
  recordStamp,
  recordSetting,
  sheetFingerprint,
  type SheetMark,
  type SheetsRecord,
} from "./generationRecord";

export {
  assertValid,
  inspectWorkbook,
  previewWrite,
  type ConflictChoice,
  type PlannedPlanWrite,
  type PlannedSheetWrite,
} from "./writeTarget";
export { queueBlocks, queueStyles } from "./stagedSheets";

export { TEMP_PREFIX };

const lower = (s: string) => s.toLowerCase();

export interface WriteOptions {
  /** "keepBoth" (default) writes "Name (2)" and "ibn2_…" beside what exists; "replace" puts the plan in place of the clashing sheets and names. */
  onConflict?: ConflictChoice;
  /** Called between phases with the fraction done and a sheet name or phase ("inspect", "stage", "commit", "cleanup", "done"). */
  onProgress?: (fraction: number, message: string) => void;
  /** The workflow whose undo record this write becomes (its own settings key); default the proposal's. */
  recordKind?: string;
}

/** What writePlan wrote. */
export interface WrittenPlan<T extends WorkbookPlan> {
  /** The plan as written: sheets and defined names under the names they got, every reference rewritten. */
  plan: T;
  /** The sheet names as written, in plan order. */
  sheets: string[];
  /** The defined names as written. */
  names: string[];
  /** The undo record stored with the workbook. */
  record: SheetsRecord;
  /** Replace only: the user's replaced sheets that could not be removed afterwards, kept under these names. */
  keptAside: string[];
}

// ---------------------------------------------------------------------------------------------
// Writing

/**
 * Writes the plan as new sheets, all or nothing (see the top of this file): three syncs, five when
 * Replace set a sheet aside (its formula read and its delete). Returns the plan as written (renamed for "keep both"), its sheet and
 * defined names, and the undo record.
 */
export async function writePlan<T extends WorkbookPlan>(
  context: Excel.RequestContext,
  plan: T,
  options: WriteOptions = {},
): Promise<WrittenPlan<T>> {
  return runExclusive("write", () => writePlanBody(context, plan, options), context);
}

async function writePlanBody<T extends WorkbookPlan>(
  context: Excel.RequestContext,
  plan: T,
  options: WriteOptions = {},
): Promise<WrittenPlan<T>> {
  const progress = options.onProgress ?? (() => undefined);
  const kind = options.recordKind ?? PROPOSAL_KIND;
  assertValid(plan);

  // 1. Read.
  progress(0.05, "inspect");
  const formulaLocale = loadFormulaLocale(context, plan); // read in this sync: for IBN formulas in Dutch Excel
  // The last record of this kind, read with the book: its marker is deleted first in the commit.
  const lastSetting = context.workbook.settings.getItemOrNullObject(recordSetting(kind)).load("value");
  const before = await readBook(context);
  const last = lastSetting.isNullObject ? null : parseSheetsRecord(lastSetting.value, kind);
  const locale = formulaLocale();
  if (before.structureProtected) throw new AddinError("write.workbookProtected");
  const { target, clashing, clashingNames } = writeTarget(plan, before, options.onConflict ?? "keepBoth");
  const planNames = new Set(target.names.map((n) => lower(n.name)));
  const locked = clashing.find((s) => s.protected);
  if (locked) throw sheetProtected(locked.name, "replace");
  // Replace: the user's formulas that use a replaced sheet, to name its replacement (src/excel/repoint.ts).
  const repoint = clashing.length
    ? await planRepoint(context, before.sheets, clashing, (name) => name.startsWith(TEMP_PREFIX))
    : { cells: [], keep: [] };
  // The user's own defined names too, unless the replaced sheets stay aside (then the names follow them, as the formulas do).
  const repointNames = repoint.keep.length
    ? []
    : namesToRepoint(
        before.names,
        clashing,
        before.sheets.map((s) => s.name),
        planNames,
      );

  // 2. Stage, hidden, under names unique to this attempt; 3. commit: set the user's sheets aside,
  // put the new ones in place, the record last (the skeleton's order: src/excel/undoableAction.ts).
  const attempt = newAttemptId();
  const prefix = `${TEMP_PREFIX}${attempt} `;
  const tempNames = target.sheets.map((_, i) => `${prefix}${i + 1}`);
  const staged = withSheetNames(target, tempNames);
  const aside = clashing.map((s, i) => ({ ...s, asideName: `${prefix}old ${i + 1}` }));
  // A formula or name that could not be re-pointed still uses the replaced sheets: they stay in view.
  const keepsVisible = repoint.keep.length > 0;
  let marks: SheetMark[] = [];
  let stagedSheets: Excel.Worksheet[] = [];
  let record: SheetsRecord | undefined;
  let committing = false;
  await commitStaged(context, {
    kind,
    attempt,
    lastId: last?.id ?? null,
    lastStamp: last ? recordStamp(last) : null,
    stampOf: (value) => {
      const r = parseSheetsRecord(value, kind);
      return r ? recordStamp(r) : null;
    },
    stage: () => {
      const added = new Map<string, Excel.Worksheet>();
      staged.sheets.forEach((sheet, i) => {
        added.set(lower(sheet.name), queueStagedSheet(context, sheet, locale));
        progress(0.1 + (0.6 * (i + 1)) / staged.sheets.length, target.sheets[i].name);
      });
      staged.charts.forEach((c) => queueChart(context, added, c));
      // Protection last: a protected sheet takes no chart (issue 15: templates that protect themselves).
      for (const s of staged.sheets) if (s.protection) queueProtection(added.get(lower(s.name))!, s.protection);
      const written = staged.sheets.map((s) => {
        const ws = added.get(lower(s.name))!;
        ws.load("id");
        const area = areaOf(s);
        return { ws, used: queueUsedFormulas(ws, area), look: readLook(ws, area) };
      });
      // Read the sheets and names again in the same batch: another action (a second pane, a
      // co-author) that committed since the read would clash with this commit: refuse before it.
      const sheetsNow = context.workbook.worksheets.load("items/name,items/id");
      const namesNow = context.workbook.names.load("items/name");
      progress(0.75, "stage");
      return () => {
        const key = (xs: string[]) => xs.map(lower).sort().join("\u0000");
        // Sheets another attempt is still staging (hidden, "~ibn …") do not count: only what it committed.
        const committed = (ws: { name: string; id: string }) =>
          ws.name.startsWith(TEMP_PREFIX) ? [] : [`${ws.id}:${ws.name}`];
        if (
          key(sheetsNow.items.flatMap(committed)) !== key(before.sheets.flatMap(committed)) ||
          key(namesNow.items.map((n) => n.name)) !== key(before.names.map((n) => n.name))
        )
          throw new AddinError("action.busy");
        const renamed = new Map(tempNames.map((t, i) => [lower(t), target.sheets[i].name]));
        const sheetNames = [...before.sheets.map((s) => s.name), ...tempNames];
        marks = written.map(({ ws, used: read, look }, i) => ({
          id: ws.id,
          name: target.sheets[i].name,
          ...lookMark(look),
          ...(target.sheets[i].protection ? { ownProtection: true } : {}),
          fingerprint: sheetFingerprint(read().address, read().formulas, sheetNames, renamed),
        }));
        stagedSheets = written.map((w) => w.ws);
      };
    },
    commit: () => {
      progress(0.85, "commit");
      committing = true;
      for (const s of aside) context.workbook.worksheets.getItem(s.id).name = s.asideName;
      // The staged sheets take their names before any name is touched: when another action committed
      // meanwhile, this fails first, and the other action's names are never deleted.
      stagedSheets.forEach((ws, i) => {
        ws.name = target.sheets[i].name;
        ws.visibility = "Visible";
      });
      // What was set aside is hidden (once the new sheets show: a workbook keeps one visible sheet)
      // while the generation's undo may bring it back; deleted once a newer record takes this one's
      // place. It stays in view when a formula not re-pointed still uses it.
      if (!keepsVisible) for (const s of aside) context.workbook.worksheets.getItem(s.id).visibility = "Hidden";
      queueRepoint(context, repoint.cells); // after the new sheets took their names: the formulas name them
      queueNameRepoint(context, repointNames);
      for (const n of clashingNames) context.workbook.names.getItem(n.name).delete();
      for (const n of target.names) context.workbook.names.add(n.name, `=${n.ref}`, n.comment);
      if (stagedSheets.length) stagedSheets[0].activate();
      record = newSheetsRecord(
        kind,
        marks,
        target.names.map((n) => ({ name: n.name, formula: `=${n.ref}` })),
        new Date(),
        attempt,
        aside.length && !keepsVisible
          ? {
              sheets: aside.map((a) => ({ id: a.id, name: a.name, visibility: a.visibility, asideName: a.asideName })),
              names: clashingNames.map((n) => ({ name: n.name, formula: n.formula, comment: n.comment })),
              cells: repoint.cells,
              userNames: repointNames,
              // Kept as read: undo brings it back only when its sheets are still there (an undo of it
              // may have been under way in another pane).
              previous: lastSetting.isNullObject ? null : withoutReplaced(lastSetting.value),
            }
          : undefined,
      );
      return JSON.stringify(record);
    },
    // A failed stage never reached the user's sheets or names: only the staged sheets go.
    revert: (race) =>
      committing
        ? revertWrite(
            context,
            before,
            prefix,
            marks.map((m) => m.id),
            planNames,
            repoint.cells,
            repointNames,
            race,
            kind,
          )
        : revertWrite(context, before, prefix, [], planNames),
  });

  // 4. Finish: the sheets the last record's Replace set aside can no longer be brought back (this
  // record took its place): deleted, when still hidden under their "~ibn … old" names.
  progress(0.95, "cleanup");
  const lastAside = new Set(last?.replaced?.sheets.map((s) => s.id) ?? []);
  const removable = before.sheets.filter(
    (s) => lastAside.has(s.id) && s.visibility !== "Visible" && s.name.startsWith(TEMP_PREFIX),
  );
  const keptAside = [
    ...(keepsVisible ? aside.map((s) => s.asideName) : []),
    ...(removable.length
      ? await removeSheets(
          context,
          removable.map((s) => s.id),
        )
      : []),
  ];
  progress(1, "done");
  return {
    plan: target,
    sheets: target.sheets.map((s) => s.name),
    names: target.names.map((n) => n.name),
    record: record!,
    keptAside,
  };
}

// Undo lives in undoSheets.ts; re-exported so that callers keep one import for writing and undoing.
export {
  previewUndo,
  undoLastGeneration,
  type KeptReason,
  type KeptSheet,
  type UndoOptions,
  type UndoPreview,
  type UndoResult,
  type UndoSheet,
} from "./undoSheets";
