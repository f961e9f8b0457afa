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
// Undo is in undoSheets.ts (re-exported here): it goes by identity, and keeps what the user edited
// and what a staying sheet, name or chart uses.
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
import { mentionsSheet } from "../core/plan/formulaRefs";
import { queueWaterfalls, supportsWaterfall } from "./waterfall";
import { freeVariant, rewriteReferences } from "../core/plan/rename";
import type { CellStyle, PlanCell, PlanChart, PlanSheet, WorkbookPlan } from "../core/plan/types";
import { validatePlan } from "../core/plan/validate";
import type { FormulaLocale } from "../core/plan/formulaLocale";
import { OFFICE_STYLES } from "./cellStyle";
import { loadFormulaLocale, queueFormulas } from "./localFormulas";
import { queuePageLayout } from "./pageLayout";
import { queueCentredHeadings } from "./centredHeadings";
import { queueProtection } from "./protection";
import {
  namesToRepoint,
  planRepoint,
  queueNameRepoint,
  queueRepoint,
  type RepointCell,
  type RepointName,
} from "./repoint";
import { blockChunks } from "../core/plan/blockChunks";
import { queueNotes } from "./cellNotes";
import { areaOf, lookMark, readLook } from "./sheetLook";
import { CHUNK_CELLS, queueUsedFormulas } from "./areaChunks";
import { currentMarker, markerSetting, newAttemptId, queueSettingKeys } from "./undoRecords";
import { sheetProtected, stagedRevertFailed, stepFailed } from "./writeErrors";
import {
  newSheetsRecord,
  parseSheetsRecord,
  PROPOSAL_KIND,
  recordStamp,
  recordSetting,
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
  for (const block of sheet.blocks.flatMap((b) => blockChunks(b, CHUNK_CELLS))) {
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
  if (chart.waterfall && supportsWaterfall()) return queueWaterfalls(sheetOf(chart.sheet), rangeOf, chart);
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

  // 2. Stage, hidden, under names unique to this attempt.
  const attempt = newAttemptId();
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
    const area = areaOf(s);
    return { ws, used: queueUsedFormulas(ws, area), look: readLook(ws, area) };
  });
  // Read the sheets and names again in the same batch: another action (a second pane, a
  // co-author) that committed since the read would clash with this commit: refuse before it.
  const sheetsNow = context.workbook.worksheets.load("items/name,items/id");
  const settingKeys = last?.id ? queueSettingKeys(context) : null;
  const myMarker = markerSetting(kind, attempt);
  const namesNow = context.workbook.names.load("items/name");
  progress(0.75, "stage");
  const revert = (ids: string[], cells: RepointCell[] = [], userNames: RepointName[] = []) =>
    revertWrite(context, before, prefix, ids, planNames, cells, userNames, {
      kind,
      last: last ? recordStamp(last) : null,
      mine: myMarker,
    });
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
  const marks: SheetMark[] = written.map(({ ws, used: read, look }, i) => ({
    id: ws.id,
    name: target.sheets[i].name,
    ...lookMark(look),
    ...(target.sheets[i].protection ? { ownProtection: true } : {}),
    fingerprint: sheetFingerprint(read().address, read().formulas, sheetNames, renamed),
  }));

  // 3. Commit: set the user's sheets aside, put the new ones in place, the record last.
  progress(0.85, "commit");
  const aside = clashing.map((s, i) => ({ ...s, asideName: `${prefix}old ${i + 1}` }));
  // First: the last record's marker. When another pane or a co-author replaced or undid that record
  // since the read, it is gone and the commit fails here, before it changes anything.
  const lastMarker = last?.id
    ? currentMarker(
        settingKeys!.items.map((s) => s.key),
        kind,
        last.id,
      )
    : null;
  if (lastMarker) context.workbook.settings.getItem(lastMarker).delete();
  for (const s of aside) context.workbook.worksheets.getItem(s.id).name = s.asideName;
  // The staged sheets take their names before any name is touched: when another action committed
  // meanwhile, this fails first, and the other action's names are never deleted.
  written.forEach(({ ws }, i) => {
    ws.name = target.sheets[i].name;
    ws.visibility = "Visible";
  });
  queueRepoint(context, repoint.cells); // after the new sheets took their names: the formulas name them
  queueNameRepoint(context, repointNames);
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
  context.workbook.settings.add(myMarker, "1");
  context.workbook.settings.add(recordSetting(kind), JSON.stringify(record));
  try {
    await context.sync();
  } catch (e) {
    const superseded = await revert(
      marks.map((m) => m.id),
      repoint.cells,
      repointNames,
    );
    // Another pane or a co-author replaced or undid the last record meanwhile: this write lost the race.
    throw superseded ? new AddinError("action.busy") : stepFailed("write", e);
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

/** The last record as read (its stamp) and this attempt's marker (src/excel/undoRecords.ts markerSetting). */
interface Markers {
  kind: string;
  last: string | null;
  mine: string;
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
  repointedNames: RepointName[] = [],
  markers?: Markers,
): Promise<boolean> {
  try {
    const record = markers && context.workbook.settings.getItemOrNullObject(recordSetting(markers.kind)).load("value");
    const myMarker = markers && context.workbook.settings.getItemOrNullObject(markers.mine).load("value");
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
    // This attempt's marker goes (the last record's is never put back: see undoRecords.ts). Whether
    // another action's record is the last now: then this write lost a race, and says so.
    if (myMarker && !myMarker.isNullObject) myMarker.delete();
    const lastNow = record && !record.isNullObject ? parseSheetsRecord(record.value, markers!.kind) : null;
    const superseded = !!markers && (lastNow ? recordStamp(lastNow) : null) !== markers.last;
    await context.sync();
    return superseded;
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
