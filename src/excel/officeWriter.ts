// The Office.js writer: applies a workbook plan as new sheets, all or nothing, in at most five
// context.sync round trips whatever its size. Office.js has no transactions (a failed sync keeps
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
//  3. Commit: move the user's clashing sheets aside (renamed, never deleted yet), remove the
//     clashing defined names, rename the staged sheets into place, show them, write the user's
//     re-pointed formulas back as they were (they now name the new sheets), add the defined names,
//     and store the undo record (sheet ids and fingerprints) last. If this fails, one revert batch
//     deletes the staged sheets by id, renames the user's sheets back, writes the re-pointed
//     formulas back (they name the user's sheets again) and puts back the names.
//  4. Finish (Replace only): delete the sheets set aside (all kept when a formula could not be
//     re-pointed); if that fails, try once more, else keep them and say where they are.
//
// Undo goes by identity: it deletes a generated sheet only when its id (or, after a reopen that
// changed ids, its name) and the fingerprint of its content still match; what the user has edited
// is listed and kept unless the caller confirms it.
import { runExclusive } from "./exclusive";
import { blockAddress, parseAddress, rangeAddress, splitRef } from "../core/plan/a1";
import { AddinError } from "../core/errors";
import {
  cellInput,
  chunkAddresses,
  columnWidthRuns,
  formatInput,
  sheetAreas,
  withSheetNames,
} from "../core/plan/geometry";
import { mentionsName, mentionsSheet, usesSheet } from "../core/plan/formulaRefs";
import { freeVariant, rewriteReferences } from "../core/plan/rename";
import type { CellStyle, PlanCell, PlanChart, PlanSheet, WorkbookPlan } from "../core/plan/types";
import { validatePlan } from "../core/plan/validate";
import type { FormulaLocale } from "../core/plan/formulaLocale";
import { OFFICE_STYLES } from "./cellStyle";
import { loadFormulaLocale, queueFormulas } from "./localFormulas";
import { queuePageLayout } from "./pageLayout";
import { queueCentredHeadings } from "./centredHeadings";
import { queueProtection } from "./protection";
import { planRepoint, queueRepoint, type RepointCell } from "./repoint";
import { formulasInChunks } from "./formulaCells";
import { sheetProtected, stagedRevertFailed, stepFailed, undoFailed } from "./writeErrors";
import {
  newSheetsRecord,
  parseSheetsRecord,
  lookFingerprint,
  PROPOSAL_KIND,
  recordStamp,
  recordSetting,
  sameFormula,
  sheetFingerprint,
  type SheetMark,
  type SheetsRecord,
} from "./generationRecord";

export type ConflictChoice = "keepBoth" | "replace";

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

const SHOWN_PROBLEMS = 5;
/** Each style's look, from the table both writers read (src/core/plan/styles.ts). */
const STYLES = OFFICE_STYLES;
/** The prefix of every sheet name a write uses while it is not complete. */
export const TEMP_PREFIX = "~ibn ";

const CHART_TYPES = { columnClustered: "ColumnClustered", line: "Line" } as const satisfies Record<
  PlanChart["type"],
  string
>;

const lower = (s: string) => s.toLowerCase();

export function assertValid(plan: WorkbookPlan): void {
  const problems = validatePlan(plan);
  if (!problems.length) return;
  const more = problems.length > SHOWN_PROBLEMS ? `; … and ${problems.length - SHOWN_PROBLEMS} more` : "";
  throw new AddinError("write.planInvalid", {
    count: problems.length,
    problems: problems.slice(0, SHOWN_PROBLEMS).join("; ") + more,
  });
}

// ---------------------------------------------------------------------------------------------
// Queuing Office.js commands (nothing reaches Excel before context.sync)

export function queueBlocks(ws: Excel.Worksheet, sheet: PlanSheet, locale?: FormulaLocale): void {
  for (const block of sheet.blocks) {
    const range = ws.getRange(blockAddress(block));
    queueFormulas(range, block, locale, cellInput); // IBN formulas in Dutch Excel: formulasLocal
    range.numberFormat = block.rows.map((row) => row.map(formatInput));
  }
}

const styleKey = (cell: PlanCell) => (cell.style && STYLES[cell.style] ? cell.style : undefined);

export function queueStyles(ws: Excel.Worksheet, sheet: PlanSheet): void {
  for (const [style, addresses] of sheetAreas(sheet, styleKey)) {
    for (const chunk of chunkAddresses(addresses)) STYLES[style as CellStyle]!(ws.getRanges(chunk).format);
  }
}

function queueLayout(ws: Excel.Worksheet, sheet: PlanSheet): void {
  for (const run of columnWidthRuns(sheet.columnWidths ?? [])) ws.getRange(run.columns).format.columnWidth = run.points;
  const { rows = 0, columns = 0 } = sheet.freeze ?? {};
  if (rows && columns) ws.freezePanes.freezeAt(ws.getRange(rangeAddress(0, 0, rows, columns)));
  else if (rows) ws.freezePanes.freezeRows(rows);
  else if (columns) ws.freezePanes.freezeColumns(columns);
  if (sheet.tabColor) ws.tabColor = sheet.tabColor.startsWith("#") ? sheet.tabColor : `#${sheet.tabColor}`;
  queuePageLayout(ws, sheet.print);
  queueCentredHeadings(ws, sheet); // issue 17
}

/**
 * The plan's cell notes (issue 16: each input's source). Notes need ExcelApi 1.18; an older Excel
 * gets none, and the sheet's own Bron column still says the same.
 */
export function queueNotes(ws: Excel.Worksheet, sheet: PlanSheet): void {
  if (!hasNotesApi()) return;
  for (const block of sheet.blocks) {
    const { row, col } = parseAddress(block.anchor);
    block.rows.forEach((cells, r) =>
      cells.forEach((c, k) => {
        if (c?.note) ws.notes.add(rangeAddress(row + r, col + k, 1, 1), c.note); // by address: no range request
      }),
    );
  }
}

/** A new hidden sheet with all its content. */
function queueStagedSheet(context: Excel.RequestContext, sheet: PlanSheet, locale?: FormulaLocale): Excel.Worksheet {
  const ws = context.workbook.worksheets.add(sheet.name);
  ws.visibility = "Hidden";
  queueBlocks(ws, sheet, locale);
  queueStyles(ws, sheet);
  queueNotes(ws, sheet);
  queueLayout(ws, sheet);
  return ws;
}

/** A single-column source gives one series by columns, a single row one series by rows. */
function seriesBy(ref: string): "Columns" | "Rows" {
  const [first, last = first] = splitRef(ref).address.split(":").map(parseAddress);
  return last.row - first.row >= last.col - first.col ? "Columns" : "Rows";
}

function queueChart(context: Excel.RequestContext, added: Map<string, Excel.Worksheet>, chart: PlanChart): void {
  const sheetOf = (name: string) => added.get(lower(name)) ?? context.workbook.worksheets.getItem(name);
  const rangeOf = (ref: string) => {
    const { sheet, address: a } = splitRef(ref);
    return sheetOf(sheet).getRange(a);
  };
  const first = chart.series[0].values;
  const c = sheetOf(chart.sheet).charts.add(CHART_TYPES[chart.type], rangeOf(first), seriesBy(first));
  c.title.text = chart.title;
  c.setPosition(chart.from, chart.to);
  const categories = rangeOf(chart.categories);
  chart.series.forEach((s, i) => {
    const series = i === 0 ? c.series.getItemAt(0) : c.series.add(s.name);
    if (i > 0) series.setValues(rangeOf(s.values));
    series.name = s.name;
    series.setXAxisValues(categories);
  });
}

// ---------------------------------------------------------------------------------------------
// Reading the workbook

interface SheetState {
  id: string;
  name: string;
  visibility: string;
  protected: boolean;
}

interface NameState {
  name: string;
  formula: string;
  comment: string;
}

interface BookState {
  sheets: SheetState[];
  names: NameState[];
  structureProtected: boolean;
}

/** Sheets (names, ids, visibility, protection), defined names and workbook protection, in one sync. */
async function readBook(context: Excel.RequestContext): Promise<BookState> {
  const sheets = context.workbook.worksheets.load("items/name,items/id,items/visibility,items/protection/protected");
  const names = context.workbook.names.load("items/name,items/formula,items/comment");
  const protection = context.workbook.protection.load("protected");
  await context.sync();
  return {
    sheets: sheets.items.map((s) => ({
      id: s.id,
      name: s.name,
      visibility: s.visibility,
      protected: s.protection.protected,
    })),
    names: names.items.map((n) => ({ name: n.name, formula: String(n.formula), comment: n.comment ?? "" })),
    structureProtected: protection.protected,
  };
}

/** The workbook's sheet names and workbook-scoped defined names, in one sync. */
export async function inspectWorkbook(
  context: Excel.RequestContext,
): Promise<{ sheetNames: string[]; names: string[] }> {
  const sheets = context.workbook.worksheets.load("items/name");
  const names = context.workbook.names.load("items/name");
  await context.sync();
  return { sheetNames: sheets.items.map((s) => s.name), names: names.items.map((n) => n.name) };
}

/**
 * The plan as a write with `onConflict` gives it, on the workbook as read: renamed for "keep both"
 * ("Invoer (2)", "ibn2_…"), and for "replace" the user's sheets and names it replaces. The one
 * source of both writePlan and previewWrite, so that the pane's preview and the write agree.
 */
function writeTarget<T extends WorkbookPlan>(plan: T, before: BookState, onConflict: ConflictChoice) {
  const replace = onConflict === "replace";
  const target = replace
    ? plan
    : freeVariant(
        plan,
        before.sheets.map((s) => s.name),
        before.names.map((n) => n.name),
      ).plan;
  // Trimming long sheet names to make room for " (n)" can make two of them alike.
  if (target !== plan) assertValid(target);
  const planSheets = new Set(target.sheets.map((s) => lower(s.name)));
  const planNames = new Set(target.names.map((n) => lower(n.name)));
  const clashing = replace ? before.sheets.filter((s) => planSheets.has(lower(s.name))) : [];
  const clashingNames = replace ? before.names.filter((n) => planNames.has(lower(n.name))) : [];
  return { target, clashing, clashingNames };
}

/** One sheet of a planned write, as writePlan will write it now. */
export interface PlannedSheetWrite {
  /** The sheet's name in the plan ("Invoer"). */
  planned: string;
  /** The name the write gives it ("Invoer (2)" under Keep both when "Invoer" exists). */
  as: string;
  /** The first block's range on that sheet ("A1:E49"). */
  address: string;
  /** Whether a sheet called `planned` exists now (kept beside, or replaced). */
  clash: boolean;
  /** Whether the write replaces the user's sheet of that name (Replace only). */
  replaces: boolean;
}

/** What writePlan with `onConflict` would write now: one read, nothing written. */
export interface PlannedPlanWrite {
  sheets: PlannedSheetWrite[];
  /** The defined names as they will be written. */
  names: string[];
  /** Existing defined names the write replaces (Replace only). */
  replacesNames: string[];
  charts: number;
  /** What would refuse the write now: a protected structure, or a protected sheet Replace would remove. */
  refusal?: AddinError;
}

/** The Excel layer's own plan of a write, for the pane's preview: one sync, the same rules as writePlan. */
export async function previewWrite(
  context: Excel.RequestContext,
  plan: WorkbookPlan,
  onConflict: ConflictChoice,
): Promise<PlannedPlanWrite> {
  assertValid(plan);
  const before = await readBook(context);
  const { target, clashing, clashingNames } = writeTarget(plan, before, onConflict);
  const taken = new Set(before.sheets.map((s) => lower(s.name)));
  const locked = clashing.find((s) => s.protected);
  const refusal = before.structureProtected
    ? new AddinError("write.workbookProtected")
    : locked
      ? sheetProtected(locked.name, "replace")
      : undefined;
  return {
    sheets: plan.sheets.map((s, i) => ({
      planned: s.name,
      as: target.sheets[i].name,
      address: s.blocks.length ? blockAddress(s.blocks[0]) : "A1",
      clash: taken.has(lower(s.name)),
      replaces: clashing.some((c) => lower(c.name) === lower(target.sheets[i].name)),
    })),
    names: target.names.map((n) => n.name),
    replacesNames: clashingNames.map((n) => n.name),
    charts: plan.charts.length,
    ...(refusal ? { refusal } : {}),
  };
}

/** A short attempt id, so that what this attempt adds can be told from anything else. */
function attemptId(): string {
  return (Date.now() % 1_679_616).toString(36).padStart(4, "0") + Math.floor(Math.random() * 1296).toString(36);
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
  const before = await readBook(context);
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

  // 2. Stage, hidden, under names unique to this attempt.
  const attempt = attemptId();
  const prefix = `${TEMP_PREFIX}${attempt} `;
  const tempNames = target.sheets.map((_, i) => `${prefix}${i + 1}`);
  const staged = withSheetNames(target, tempNames);
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
    return { ws, used: ws.getUsedRangeOrNullObject().load("address,formulas"), look: readLook(ws, areaOf(s)) };
  });
  // Read the sheets and names again in the same batch: another action (a second pane, a
  // co-author) that committed since the read would clash with this commit: refuse before it.
  const sheetsNow = context.workbook.worksheets.load("items/name,items/id");
  const namesNow = context.workbook.names.load("items/name");
  progress(0.75, "stage");
  const revert = (ids: string[], cells: RepointCell[] = []) =>
    revertWrite(context, before, prefix, ids, planNames, cells);
  try {
    await context.sync();
  } catch (e) {
    await revert([]);
    throw stepFailed("write", e);
  }
  const key = (xs: string[]) => xs.map(lower).sort().join("\u0000");
  // Sheets another attempt is still staging (hidden, "~ibn …") do not count: only what it committed.
  const othersNow = sheetsNow.items.filter((ws) => !ws.name.startsWith(TEMP_PREFIX));
  if (
    key(othersNow.map((ws) => `${ws.id}:${ws.name}`)) !==
      key(before.sheets.filter((ws) => !ws.name.startsWith(TEMP_PREFIX)).map((ws) => `${ws.id}:${ws.name}`)) ||
    key(namesNow.items.map((n) => n.name)) !== key(before.names.map((n) => n.name))
  ) {
    await revert([]);
    throw new AddinError("action.busy");
  }
  const renamed = new Map(tempNames.map((t, i) => [lower(t), target.sheets[i].name]));
  const sheetNames = [...before.sheets.map((s) => s.name), ...tempNames];
  const marks: SheetMark[] = written.map(({ ws, used, look }, i) => ({
    id: ws.id,
    name: target.sheets[i].name,
    ...lookMark(look),
    ...(target.sheets[i].protection ? { ownProtection: true } : {}),
    fingerprint: used.isNullObject
      ? sheetFingerprint("", [], sheetNames, renamed)
      : sheetFingerprint(used.address, used.formulas, sheetNames, renamed),
  }));

  // 3. Commit: set the user's sheets aside, put the new ones in place, the record last.
  progress(0.85, "commit");
  const aside = clashing.map((s, i) => ({ ...s, asideName: `${prefix}old ${i + 1}` }));
  for (const s of aside) context.workbook.worksheets.getItem(s.id).name = s.asideName;
  // The staged sheets take their names before any name is touched: when another action committed
  // meanwhile, this fails first, and the other action's names are never deleted.
  written.forEach(({ ws }, i) => {
    ws.name = target.sheets[i].name;
    ws.visibility = "Visible";
  });
  queueRepoint(context, repoint.cells); // after the new sheets took their names: the formulas name them
  for (const n of clashingNames) context.workbook.names.getItem(n.name).delete();
  for (const n of target.names) context.workbook.names.add(n.name, `=${n.ref}`, n.comment);
  if (written.length) written[0].ws.activate();
  const record = newSheetsRecord(
    kind,
    marks,
    target.names.map((n) => ({ name: n.name, formula: `=${n.ref}` })),
    new Date(),
    attempt,
  );
  context.workbook.settings.add(recordSetting(kind), JSON.stringify(record));
  try {
    await context.sync();
  } catch (e) {
    await revert(
      marks.map((m) => m.id),
      repoint.cells,
    );
    throw stepFailed("write", e);
  }

  // 4. Finish: remove what Replace set aside, except what a formula or name not re-pointed still uses.
  progress(0.95, "cleanup");
  const removable = aside.filter((s) => !repoint.keep.includes(s.id));
  const keptAside = [
    ...aside.filter((s) => repoint.keep.includes(s.id)).map((s) => s.asideName),
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
    record,
    keptAside,
  };
}

/**
 * Puts the workbook back as it was before a failed write: one read, then one batch that deletes the
 * sheets this attempt added (by id, or by the attempt's prefix when their ids were never learnt),
 * renames the user's sheets back, and puts back the defined names the plan touched. Throws when
 * Excel refuses even that, naming what is left.
 */
async function revertWrite(
  context: Excel.RequestContext,
  before: BookState,
  prefix: string,
  stagedIds: string[],
  planNames: Set<string>,
  repointed: RepointCell[] = [],
): Promise<void> {
  try {
    const sheets = context.workbook.worksheets.load("items/name,items/id");
    const names = context.workbook.names.load("items/name,items/formula");
    await context.sync();
    // Only what this attempt did is undone: its own sheets (its ids, its prefix), the user's sheets
    // it set aside (under its prefix), and the names that point at its own sheets. Another action's
    // sheets and names (a second pane, a co-author) are never touched.
    const existed = new Set(before.sheets.map((s) => s.id));
    const ours = sheets.items.filter(
      (ws) => !existed.has(ws.id) && (stagedIds.includes(ws.id) || ws.name.startsWith(prefix)),
    );
    for (const ws of ours) ws.delete();
    const now = new Map(sheets.items.map((ws) => [ws.id, ws.name]));
    // A user's sheet set aside goes back under its name, unless another action took that name meanwhile.
    const taken = new Set(sheets.items.filter((ws) => !ours.includes(ws)).map((ws) => lower(ws.name)));
    const aside = before.sheets.filter((s) => now.get(s.id)?.startsWith(prefix));
    for (const s of aside) if (!taken.has(lower(s.name))) context.workbook.worksheets.getItem(s.id).name = s.name;
    // The user's formulas re-pointed at the staged sheets (#REF! once they are deleted) name the
    // user's sheets again, written back as they were once those have their names back.
    if (aside.every((s) => !taken.has(lower(s.name)))) queueRepoint(context, repointed);
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
    await context.sync();
  } catch (e) {
    throw stagedRevertFailed(prefix, e);
  }
}

/** Deletes the sheets with these ids; tries again for what is left. Returns the names of sheets it could not delete. */
async function removeSheets(context: Excel.RequestContext, ids: string[]): Promise<string[]> {
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

// ---------------------------------------------------------------------------------------------
// Undo

export interface UndoSheet {
  id: string;
  name: string;
}

export interface UndoPreview {
  kind: string;
  /** When the action was done (ISO 8601). */
  at: string;
  /** Which record this preview is of: pass it as UndoOptions.expect so undo refuses when a newer action replaced it. */
  stamp: string;
  /** Added sheets exactly as written: undo deletes them. */
  unchanged: UndoSheet[];
  /** Added sheets edited since ("edited"), or sheets that carry an added sheet's name but cannot be recognised ("unrecognised"): kept unless confirmed. */
  changed: (UndoSheet & { reason: "edited" | "unrecognised" })[];
  /** Defined names undo removes: only when no added sheet stays, and only names that still point where they were written. */
  names: string[];
  /** Defined names kept: a sheet that uses them stays, or the user changed them. */
  keptNames: string[];
  /** Added sheets no longer in the workbook, by the name they were written under. */
  missing: string[];
  /**
   * Added sheets exactly as written that a sheet which stays refers to (directly, through another
   * such sheet, or through a defined name): kept too, so the staying sheet's formulas never turn
   * into #REF!. Empty when no added sheet stays.
   */
  needed: UndoSheet[];
}

export interface UndoOptions {
  /** The workflow to undo; default the proposal. */
  kind?: string;
  /** Ids of sheets listed under `changed` that the user confirmed to delete as well. */
  confirm?: string[];
  /** The stamp of the preview the user confirmed: undo refuses ("undo.recordChanged") when the record is another one now. */
  expect?: string;
}

export interface UndoResult {
  removedSheets: string[];
  removedNames: string[];
  /** Sheets kept because they changed and were not confirmed. */
  keptSheets: string[];
  keptNames: string[];
}

interface UndoPlan {
  preview: UndoPreview;
  sheetIds: string[];
  /** Of sheetIds, those the action protected itself: unprotected just before they are deleted. */
  ownProtected: string[];
}

interface LookRead {
  area: string;
  range: Excel.Range;
  fills: OfficeExtension.ClientResult<Excel.CellProperties[][]>;
  notes?: OfficeExtension.ClientResult<number>;
}

/** The plan sheet's written area: the bounding box of its blocks. */
function areaOf(sheet: PlanSheet): string {
  const boxes = sheet.blocks.map((b) => ({
    ...parseAddress(b.anchor),
    rows: b.rows.length,
    cols: b.rows[0]?.length ?? 0,
  }));
  if (!boxes.length) return "A1";
  const top = Math.min(...boxes.map((b) => b.row));
  const left = Math.min(...boxes.map((b) => b.col));
  const bottom = Math.max(...boxes.map((b) => b.row + Math.max(b.rows, 1) - 1));
  const right = Math.max(...boxes.map((b) => b.col + Math.max(b.cols, 1) - 1));
  return rangeAddress(top, left, bottom - top + 1, right - left + 1);
}

/** Notes need ExcelApi 1.18; without it, a note cannot be added either, so none is counted. */
const hasNotesApi = () =>
  typeof Office === "undefined" || Office.context?.requirements?.isSetSupported("ExcelApi", "1.18") !== false;

/** Queues the read of an area's number formats and fills, and the sheet's note count (ExcelApi 1.18). */
function readLook(ws: Excel.Worksheet, area: string): LookRead {
  const range = ws.getRange(area).load("numberFormat");
  const fills = range.getCellProperties({ format: { fill: { color: true } } });
  return { area, range, fills, ...(hasNotesApi() ? { notes: ws.notes.getCount() } : {}) };
}

function lookMark(r: LookRead): { area: string; look: string } {
  const fills = r.fills.value.map((row) => row.map((p) => p.format?.fill?.color ?? ""));
  return { area: r.area, look: lookFingerprint(r.range.numberFormat, fills, r.notes?.value ?? -1) };
}

const isFormula = (v: unknown): v is string => typeof v === "string" && v.startsWith("=");
async function planUndo(
  context: Excel.RequestContext,
  kind: string,
  confirm: string[],
  expect?: string,
): Promise<UndoPlan | null> {
  const setting = context.workbook.settings.getItemOrNullObject(recordSetting(kind)).load("value");
  const sheets = context.workbook.worksheets.load("items/name,items/id,items/visibility,items/protection/protected");
  const names = context.workbook.names.load("items/name,items/formula");
  // Protection is read with the record: a protected structure refuses sheet deletes, so an undo
  // that went ahead would delete the names first and then stop at the first sheet (#NAME? left).
  const protection = context.workbook.protection.load("protected");
  await context.sync();
  const record = setting.isNullObject ? null : parseSheetsRecord(setting.value, kind);
  if (!record) return null;
  if (expect !== undefined && recordStamp(record) !== expect) throw new AddinError("undo.recordChanged");
  if (protection.protected) throw new AddinError("undo.workbookProtected");
  const recordedIds = new Set(record.sheets.map((s) => s.id));
  const found = record.sheets.map((mark) => {
    const byId = sheets.items.find((ws) => ws.id === mark.id);
    const byName = byId
      ? undefined
      : sheets.items.find((ws) => lower(ws.name) === lower(mark.name) && !recordedIds.has(ws.id));
    const ws = byId ?? byName;
    const used = ws?.getUsedRangeOrNullObject().load("address,formulas");
    return { mark, ws, byId: !!byId, used, look: ws && mark.area ? readLook(ws, mark.area) : undefined };
  });
  // Every other sheet too: a user's sheet that refers to an added one must not lose it (#REF!).
  const foundIds = new Set(found.map((f) => f.ws?.id));
  const otherSheets = sheets.items.filter((ws) => !foundIds.has(ws.id));
  const others = otherSheets.map((ws) => ws.getUsedRangeOrNullObject().load("formulas"));
  // Read the record again with the contents: an action that committed meanwhile (another pane, a
  // co-author) made it a newer record, whose names and sheets this plan must not delete.
  const again = context.workbook.settings.getItemOrNullObject(recordSetting(kind)).load("value");
  const changedMeanwhile = () => {
    const now = again.isNullObject ? null : parseSheetsRecord(again.value, kind);
    return !now || recordStamp(now) !== recordStamp(record);
  };
  let otherFormulas: string[] | null;
  try {
    await context.sync();
    otherFormulas = others.flatMap((r) => (r.isNullObject ? [] : r.formulas.flat().filter(isFormula)));
  } catch (e) {
    // Too much to read at once (a very large sheet of the user's): read the added sheets alone,
    // then the other sheets in chunks. When even that fails, nothing is deleted (never on a guess).
    if (!others.length) throw e;
    for (const f of found) {
      f.used = f.ws?.getUsedRangeOrNullObject().load("address,formulas");
      f.look = f.ws && f.mark.area ? readLook(f.ws, f.mark.area) : undefined;
    }
    again.load("value");
    await context.sync();
    otherFormulas = await formulasInChunks(context, otherSheets)
      .then((cells) => cells.map((c) => c.formula))
      .catch(() => null);
  }
  if (changedMeanwhile()) throw new AddinError("undo.recordChanged");
  if (!otherFormulas) throw new AddinError("undo.checkIncomplete");
  const current = sheets.items.map((ws) => ws.name);
  // References to an added sheet the user renamed count as written under its recorded name.
  const renamed = new Map(found.filter((f) => f.ws && f.byId).map((f) => [lower(f.ws!.name), f.mark.name]));
  const preview: UndoPreview = {
    kind,
    at: record.at,
    stamp: recordStamp(record),
    unchanged: [],
    changed: [],
    names: [],
    keptNames: [],
    missing: [],
    needed: [],
  };
  for (const { mark, ws, byId, used, look } of found) {
    if (!ws || !used) {
      preview.missing.push(mark.name);
      continue;
    }
    const now = used.isNullObject
      ? sheetFingerprint("", [], current, renamed)
      : sheetFingerprint(used.address, used.formulas, current, renamed);
    const sheet = { id: ws.id, name: ws.name };
    // A note added, a number format or fill changed: an edit too (records that carry the look).
    const sameLook = !mark.look || !look || lookMark(look).look === mark.look;
    if (now === mark.fingerprint && sameLook) preview.unchanged.push(sheet);
    else preview.changed.push({ ...sheet, reason: byId ? "edited" : "unrecognised" });
  }
  let sheetIds = [...preview.unchanged, ...preview.changed.filter((s) => confirm.includes(s.id))].map((s) => s.id);
  const anyStays = preview.changed.some((s) => !sheetIds.includes(s.id));
  // Deleting a sheet turns every reference to it into #REF!, for good: an added sheet that a staying
  // sheet (the user's own, or an added one kept) uses, directly or through a name, stays too.
  const formulasOf = (id: string) =>
    (found.find((f) => f.ws?.id === id)?.used?.formulas ?? []).flat().filter(isFormula);
  const recordedNames = new Set(record.names.map((n) => lower(n.name)));
  const texts = [
    ...preview.changed.filter((s) => !sheetIds.includes(s.id)).flatMap((s) => formulasOf(s.id)),
    ...otherFormulas,
    ...names.items.filter((n) => !recordedNames.has(lower(n.name))).map((n) => String(n.formula)),
  ];
  const usedNames = new Set<string>();
  for (let grew = true; grew;) {
    grew = false;
    for (const n of names.items)
      if (!usedNames.has(lower(n.name)) && texts.some((t) => mentionsName(t, n.name))) {
        usedNames.add(lower(n.name));
        texts.push(String(n.formula));
        grew = true;
      }
    for (const sheet of preview.unchanged)
      if (sheetIds.includes(sheet.id) && texts.some((t) => usesSheet(t, sheet.name, current))) {
        sheetIds = sheetIds.filter((id) => id !== sheet.id);
        preview.needed.push(sheet);
        texts.push(...formulasOf(sheet.id));
        grew = true;
      }
  }
  preview.unchanged = preview.unchanged.filter((s) => sheetIds.includes(s.id));
  for (const mark of record.names) {
    const n = names.items.find((x) => lower(x.name) === lower(mark.name));
    if (!n) continue;
    if (!anyStays && !usedNames.has(lower(n.name)) && sameFormula(String(n.formula), mark.formula, current))
      preview.names.push(n.name);
    else preview.keptNames.push(n.name);
  }
  // A sheet this action protected itself (no password) is lifted by undo; one the user protected is refused.
  const ownProtected = found.filter((f) => f.byId && f.mark.ownProtection && f.ws).map((f) => f.ws!.id);
  const locked = sheets.items.find(
    (ws) => sheetIds.includes(ws.id) && ws.protection.protected && !ownProtected.includes(ws.id),
  );
  if (locked) throw sheetProtected(locked.name);
  const visibleLeft = sheets.items.filter((ws) => ws.visibility === "Visible" && !sheetIds.includes(ws.id));
  if (sheetIds.length && !visibleLeft.length) throw new AddinError("undo.wouldEmpty");
  return { preview, sheetIds, ownProtected };
}

/**
 * What undo of the last action of `kind` would do, without doing it: two syncs. Null when there
 * is nothing to undo.
 */
export async function previewUndo(context: Excel.RequestContext, kind = PROPOSAL_KIND): Promise<UndoPreview | null> {
  return (await planUndo(context, kind, []))?.preview ?? null;
}

/**
 * Undoes the last action of `kind` (default the proposal generation): deletes the sheets it added
 * that are exactly as written, plus the changed ones listed in `confirm`, and its defined names
 * when no added sheet stays; then forgets the record. Three syncs; if Excel fails halfway, the
 * rest is done in one more try. Null when there is nothing to undo.
 */
export async function undoLastGeneration(
  context: Excel.RequestContext,
  options: UndoOptions = {},
): Promise<UndoResult | null> {
  return runExclusive("undo", () => undoLastGenerationBody(context, options), context);
}

async function undoLastGenerationBody(
  context: Excel.RequestContext,
  options: UndoOptions = {},
): Promise<UndoResult | null> {
  try {
    return await undoSteps(context, options);
  } catch (e) {
    // Excel refused the reads, or the deletes twice: typed, and the record stays for another Undo.
    throw e instanceof AddinError ? e : undoFailed(e);
  }
}

async function undoSteps(context: Excel.RequestContext, options: UndoOptions): Promise<UndoResult | null> {
  const kind = options.kind ?? PROPOSAL_KIND;
  const planned = await planUndo(context, kind, options.confirm ?? [], options.expect);
  if (!planned) return null;
  const { preview, sheetIds, ownProtected } = planned;
  const queue = (names: string[], ids: string[], setting: boolean) => {
    for (const n of names) context.workbook.names.getItem(n).delete();
    for (const id of ids) {
      const ws = context.workbook.worksheets.getItem(id);
      if (ownProtected.includes(id)) ws.protection.unprotect();
      ws.delete();
    }
    if (setting) context.workbook.settings.getItem(recordSetting(kind)).delete();
  };
  queue(preview.names, sheetIds, true);
  try {
    await context.sync();
  } catch {
    // Deleted sheets cannot come back: finish the undo instead, with what is left of it.
    const setting = context.workbook.settings.getItemOrNullObject(recordSetting(kind)).load("value");
    const sheets = context.workbook.worksheets.load("items/id");
    const names = context.workbook.names.load("items/name");
    await context.sync();
    const ids = new Set(sheets.items.map((ws) => ws.id));
    const left = new Set(names.items.map((n) => lower(n.name)));
    queue(
      preview.names.filter((n) => left.has(lower(n))),
      sheetIds.filter((id) => ids.has(id)),
      !setting.isNullObject,
    );
    await context.sync();
  }
  const removed = new Set(sheetIds);
  const all = [...preview.unchanged, ...preview.changed, ...preview.needed];
  return {
    removedSheets: all.filter((s) => removed.has(s.id)).map((s) => s.name),
    removedNames: preview.names,
    keptSheets: all.filter((s) => !removed.has(s.id)).map((s) => s.name),
    keptNames: preview.keptNames,
  };
}
