// The Office.js writer: applies a workbook plan in two context.sync round trips whatever its size
// (inspect the workbook, then write everything), with one formulas and one numberFormat write per
// block and styles applied per style to many areas at once. It validates before the first write,
// never writes over an existing sheet, defined name or cell unless the user chose "replace", and
// stores what it added so that undo removes exactly that.
import { address, blockAddress, columnLetter, parseAddress, quoteSheet, rangeAddress, splitRef } from "../core/plan/a1";
import { freeVariant } from "../core/plan/rename";
import type { CellStyle, PlanBlock, PlanCell, PlanChart, PlanSheet, WorkbookPlan } from "../core/plan/types";
import { validatePlan } from "../core/plan/validate";
import { GENERATION_SETTING, newRecord, parseRecord, type GenerationRecord } from "./generationRecord";

export { GENERATION_SETTING, type GenerationRecord } from "./generationRecord";

export type ConflictChoice = "keepBoth" | "replace";

export interface WriteOptions {
  /** "keepBoth" (default) writes "Name (2)" and "ibn2_…" beside what exists; "replace" deletes the clashing sheets and names first. */
  onConflict?: ConflictChoice;
  /** Called between phases with the fraction done and a sheet name or phase ("inspect", "names", "charts", "sync", "done"). */
  onProgress?: (fraction: number, message: string) => void;
}

export interface WriteOntoOptions {
  /** "replace" writes over non-empty cells; otherwise they make the write refuse. */
  onConflict?: ConflictChoice;
  /** The same as onConflict "replace". */
  overwrite?: boolean;
}

export interface UndoResult {
  removedSheets: string[];
  removedNames: string[];
}

/** Excel accepts a RangeAreas address of limited length; longer lists are split. */
const MAX_AREAS_ADDRESS = 2000;
const SHOWN_PROBLEMS = 5;
const BORDER = "#8A8886";

/** Each style's look (as the .xlsx writer's); label and calc cells keep Excel's default. */
const STYLES: Partial<Record<CellStyle, (f: Excel.RangeFormat) => void>> = {
  title: (f) => Object.assign(f.font, { bold: true, size: 14 }),
  header: (f) => {
    f.font.bold = true;
    f.fill.color = "#F3F2F1";
    Object.assign(f.borders.getItem("EdgeBottom"), { style: "Continuous", color: BORDER });
  },
  input: (f) => (f.fill.color = "#FFF4CE"),
  total: (f) => {
    f.font.bold = true;
    Object.assign(f.borders.getItem("EdgeTop"), { style: "Continuous", color: BORDER });
  },
  check: (f) => (f.font.italic = true),
  note: (f) => Object.assign(f.font, { italic: true, color: "#605E5C" }),
};

const CHART_TYPES = { columnClustered: "ColumnClustered", line: "Line" } as const satisfies Record<
  PlanChart["type"],
  string
>;

/**
 * Text that Excel would read as something else when typed — a formula, number, percentage, amount,
 * date, time, boolean or error — is written with the apostrophe that keeps it text (the apostrophe
 * is not part of the value).
 */
const AMBIGUOUS_TEXT =
  /^\s*(?:[=+\-@'#]|\(?[$€£¥]?\s*[\d.,])|^\s*(?:true|false|waar|onwaar)\s*$|^(?:jan|feb|ma[ary]|mrt|apr|mei|jun|jul|aug|sep|o[ck]t|nov|dec)\p{L}*\.?[\s\-/]+\d/iu;

const lower = (s: string) => s.toLowerCase();

// ---------------------------------------------------------------------------------------------
// From plan cells to Excel input (pure)

/** A plan cell as Excel input for `range.formulas`: a formula or constant; null leaves the cell untouched. */
export function cellInput(cell: PlanCell | null): string | number | boolean | null {
  if (!cell) return null;
  if (cell.formula !== undefined) return cell.formula;
  const value = cell.value ?? "";
  return typeof value === "string" && AMBIGUOUS_TEXT.test(value) ? `'${value}` : value;
}

/** A plan cell's number format; null leaves the cell's format untouched. */
export function formatInput(cell: PlanCell | null): string | null {
  return cell ? (cell.format ?? "General") : null;
}

interface Run {
  key: string;
  start: number;
  end: number;
}

/** Runs of adjacent cells in a row with the same key; cells without a key end a run. */
function rowRuns(cells: (PlanCell | null)[], key: (cell: PlanCell) => string | undefined): Run[] {
  const runs: Run[] = [];
  cells.forEach((cell, c) => {
    const k = cell ? key(cell) : undefined;
    const last = runs[runs.length - 1];
    if (k === undefined) return;
    if (last && last.key === k && last.end === c) last.end = c + 1;
    else runs.push({ key: k, start: c, end: c + 1 });
  });
  return runs;
}

/**
 * Rectangles covering a block's cells, grouped by key: runs within a row, merged with identical
 * runs in the rows below. Their number follows the layout of the block, not its number of rows.
 */
export function blockAreas(block: PlanBlock, key: (cell: PlanCell) => string | undefined): Map<string, string[]> {
  type Area = Run & { top: number; rows: number };
  const closed: Area[] = [];
  let open = new Map<string, Area>();
  block.rows.forEach((cells, r) => {
    const next = new Map<string, Area>();
    for (const run of rowRuns(cells, key)) {
      const id = `${run.start}:${run.end}:${run.key}`;
      const above = open.get(id);
      open.delete(id);
      next.set(id, above ? { ...above, rows: above.rows + 1 } : { ...run, top: r, rows: 1 });
    }
    closed.push(...open.values());
    open = next;
  });
  closed.push(...open.values());
  const { row, col } = parseAddress(block.anchor);
  const areas = new Map<string, string[]>();
  for (const a of closed)
    areas.set(a.key, [...(areas.get(a.key) ?? []), rangeAddress(row + a.top, col + a.start, a.rows, a.end - a.start)]);
  return areas;
}

/** blockAreas over all blocks of a sheet. */
export function sheetAreas(sheet: PlanSheet, key: (cell: PlanCell) => string | undefined): Map<string, string[]> {
  const areas = new Map<string, string[]>();
  for (const block of sheet.blocks)
    for (const [k, list] of blockAreas(block, key)) areas.set(k, [...(areas.get(k) ?? []), ...list]);
  return areas;
}

const styleKey = (cell: PlanCell) => (cell.style && STYLES[cell.style] ? cell.style : undefined);

/** Splits a list of addresses into comma-joined chunks that Excel accepts as one RangeAreas. */
export function chunkAddresses(addresses: string[], max = MAX_AREAS_ADDRESS): string[] {
  const chunks: string[] = [];
  let current = "";
  for (const a of addresses) {
    if (current && current.length + a.length + 1 > max) {
      chunks.push(current);
      current = "";
    }
    current = current ? `${current},${a}` : a;
  }
  if (current) chunks.push(current);
  return chunks;
}

/** Runs of adjacent columns of the same width ("B:D"), in points. */
export function columnWidthRuns(widths: number[]): { columns: string; points: number }[] {
  const runs: { from: number; to: number; width: number }[] = [];
  widths.forEach((width, i) => {
    const last = runs[runs.length - 1];
    if (last && last.width === width) last.to = i;
    else runs.push({ from: i, to: i, width });
  });
  // A width in characters of the default font is 7 px each plus 5 px padding; a point is ¾ px.
  return runs.map((r) => ({
    columns: `${columnLetter(r.from)}:${columnLetter(r.to)}`,
    points: (r.width * 7 + 5) * 0.75,
  }));
}

/** The sheet's blocks moved so that A1 lands on `at`, under the name of the sheet written onto. */
function shiftSheet(sheet: PlanSheet, at: string, name: string): PlanSheet {
  const to = parseAddress(at);
  const anchor = (b: PlanBlock) => {
    const from = parseAddress(b.anchor);
    return address(from.row + to.row, from.col + to.col);
  };
  return { name, blocks: sheet.blocks.map((b) => ({ ...b, anchor: anchor(b) })) };
}

function assertValid(plan: WorkbookPlan): void {
  const problems = validatePlan(plan);
  if (!problems.length) return;
  const more = problems.length > SHOWN_PROBLEMS ? `; … and ${problems.length - SHOWN_PROBLEMS} more` : "";
  throw new Error(
    `The plan cannot be written (${problems.length} problem${problems.length === 1 ? "" : "s"}): ${problems.slice(0, SHOWN_PROBLEMS).join("; ")}${more}`,
  );
}

const occupiedError = (cell: string) =>
  new Error(`Not written: ${cell} is not empty. Choose an empty area, or choose to replace what is there.`);

// ---------------------------------------------------------------------------------------------
// Queuing Office.js commands (nothing reaches Excel before context.sync)

function queueBlocks(ws: Excel.Worksheet, sheet: PlanSheet): void {
  for (const block of sheet.blocks) {
    const range = ws.getRange(blockAddress(block));
    range.formulas = block.rows.map((row) => row.map(cellInput));
    range.numberFormat = block.rows.map((row) => row.map(formatInput));
  }
}

function queueStyles(ws: Excel.Worksheet, sheet: PlanSheet): void {
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
}

function queueSheet(context: Excel.RequestContext, sheet: PlanSheet): Excel.Worksheet {
  const ws = context.workbook.worksheets.add(sheet.name);
  queueBlocks(ws, sheet);
  queueStyles(ws, sheet);
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

function storeRecord(context: Excel.RequestContext, record: GenerationRecord): void {
  context.workbook.settings.add(GENERATION_SETTING, JSON.stringify(record));
}

/** A sheet name not taken yet (and taken from now on), for a sheet about to be deleted. */
function spareSheetName(taken: Set<string>): string {
  let k = 1;
  while (taken.has(`~ibn replaced ${k}`)) k++;
  taken.add(`~ibn replaced ${k}`);
  return `~ibn replaced ${k}`;
}

/**
 * "Replace": queues the deletion of the existing defined names the plan clashes with, and moves
 * the clashing sheets out of the way. Returns what deletes those sheets, to be queued once the new
 * sheets exist (Excel refuses to delete a workbook's last sheet).
 */
function clearTheWay(
  context: Excel.RequestContext,
  plan: WorkbookPlan,
  existing: { sheetNames: string[]; names: string[] },
): () => void {
  const planNames = new Set(plan.names.map((n) => lower(n.name)));
  existing.names.filter((n) => planNames.has(lower(n))).forEach((n) => context.workbook.names.getItem(n).delete());
  const planSheets = new Set(plan.sheets.map((s) => lower(s.name)));
  const taken = new Set([...existing.sheetNames, ...plan.sheets.map((s) => s.name)].map(lower));
  const replaced = existing.sheetNames
    .filter((s) => planSheets.has(lower(s)))
    .map((s) => {
      const ws = context.workbook.worksheets.getItem(s);
      ws.name = spareSheetName(taken);
      return ws;
    });
  return () => replaced.forEach((ws) => ws.delete());
}

// ---------------------------------------------------------------------------------------------
// Public API

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
 * Writes the plan as new sheets in two syncs: one to inspect the workbook, one to write everything
 * (sheets, cells, styles, layout, defined names, charts and the generation record). Returns what
 * was added: the sheet names as written, in plan order, and the defined names.
 */
export async function writePlan(
  context: Excel.RequestContext,
  plan: WorkbookPlan,
  options: WriteOptions = {},
): Promise<GenerationRecord> {
  const progress = options.onProgress ?? (() => undefined);
  assertValid(plan);
  progress(0.05, "inspect");
  const existing = await inspectWorkbook(context);
  const replace = options.onConflict === "replace";
  const target = replace ? plan : freeVariant(plan, existing.sheetNames, existing.names).plan;
  // Trimming long sheet names to make room for " (n)" can make two of them alike.
  if (target !== plan) assertValid(target);
  const deleteReplaced = replace ? clearTheWay(context, plan, existing) : () => undefined;
  const added = new Map<string, Excel.Worksheet>();
  target.sheets.forEach((sheet, i) => {
    added.set(lower(sheet.name), queueSheet(context, sheet));
    progress(0.1 + (0.7 * (i + 1)) / target.sheets.length, sheet.name);
  });
  progress(0.8, "names");
  for (const n of target.names) context.workbook.names.add(n.name, `=${n.ref}`, n.comment);
  progress(0.85, "charts");
  target.charts.forEach((c) => queueChart(context, added, c));
  deleteReplaced();
  if (target.sheets.length) added.get(lower(target.sheets[0].name))!.activate();
  const record = newRecord(
    target.sheets.map((s) => s.name),
    target.names.map((n) => n.name),
  );
  storeRecord(context, record);
  progress(0.9, "sync");
  await context.sync();
  progress(1, "done");
  return record;
}

/** The first non-empty cell ("'Sheet'!E9") of any of the target ranges, in one sync; null when all are empty. */
export async function findOccupied(
  context: Excel.RequestContext,
  targets: { sheet: string; address: string }[],
): Promise<string | null> {
  const used = targets.map((t) => ({
    sheet: t.sheet,
    range: context.workbook.worksheets
      .getItem(t.sheet)
      .getRange(t.address)
      .getUsedRangeOrNullObject(true)
      .load("address, formulas"),
  }));
  await context.sync();
  for (const { sheet, range } of used) {
    if (range.isNullObject) continue;
    const origin = parseAddress(range.address.split("!").pop()!.split(":")[0]);
    // The used range is the bounding box of the filled cells: its top-left cell may be empty.
    for (const [r, row] of range.formulas.entries()) {
      const c = row.findIndex((f) => f !== "" && f !== null);
      if (c >= 0) return `${quoteSheet(sheet)}!${address(origin.row + r, origin.col + c)}`;
    }
  }
  return null;
}

/** Refuses (throws, naming the first occupied cell) unless every cell of the range is empty; one sync. */
export async function assertRangeEmpty(
  context: Excel.RequestContext,
  sheetName: string,
  rangeAddressA1: string,
): Promise<void> {
  const occupied = await findOccupied(context, [{ sheet: sheetName, address: rangeAddressA1 }]);
  if (occupied) throw occupiedError(occupied);
}

/** The plan's only sheet, once the plan is valid and has no defined names or charts to move along. */
function singleSheet(plan: WorkbookPlan): PlanSheet {
  assertValid(plan);
  if (plan.sheets.length !== 1 || plan.names.length || plan.charts.length)
    throw new Error("Only a single-sheet plan without defined names or charts can be written onto an existing sheet.");
  return plan.sheets[0];
}

async function writeSheetOnto(
  context: Excel.RequestContext,
  planSheet: PlanSheet,
  sheetName: string,
  at: string,
  options: WriteOntoOptions,
): Promise<GenerationRecord> {
  const sheet = shiftSheet(planSheet, at, sheetName);
  assertValid({ sheets: [sheet], names: [], charts: [] }); // still inside the grid after the move
  if (options.onConflict !== "replace" && !options.overwrite) {
    const occupied = await findOccupied(
      context,
      sheet.blocks.map((b) => ({ sheet: sheetName, address: blockAddress(b) })),
    );
    if (occupied) throw occupiedError(occupied);
  }
  const ws = context.workbook.worksheets.getItem(sheetName);
  queueBlocks(ws, sheet);
  queueStyles(ws, sheet);
  const written = [...sheetAreas(sheet, () => "written").values()].flat();
  const record = newRecord(
    [],
    [],
    written.map((a) => `${quoteSheet(sheetName)}!${a}`),
  );
  storeRecord(context, record);
  await context.sync();
  return record;
}

/**
 * Writes a one-sheet plan without defined names or charts onto the existing sheet `sheetName`,
 * its cell A1 moved to `at`: two syncs (emptiness of every target block, then the write; one when
 * replacing). Refuses when a target cell is not empty, unless the user chose to replace. Undo
 * clears exactly the cells written (null plan cells stay untouched).
 */
export async function writeOntoSheet(
  context: Excel.RequestContext,
  plan: WorkbookPlan,
  sheetName: string,
  at: string,
  options: WriteOntoOptions = {},
): Promise<GenerationRecord> {
  return writeSheetOnto(context, singleSheet(plan), sheetName, at, options);
}

/** writeOntoSheet at the selected cell of the active sheet: one more sync, to read the selection. */
export async function writeAtSelection(
  context: Excel.RequestContext,
  plan: WorkbookPlan,
  options: WriteOntoOptions = {},
): Promise<GenerationRecord> {
  const sheet = singleSheet(plan);
  const selected = context.workbook.getSelectedRange().load("address");
  selected.worksheet.load("name");
  await context.sync();
  const topLeft = selected.address.split("!").pop()!.split(":")[0];
  return writeSheetOnto(context, sheet, selected.worksheet.name, topLeft, options);
}

/** The existing names (as Excel spells them) among the recorded ones, ignoring case, in record order. */
function stillThere(recorded: string[], existing: string[]): string[] {
  const byLower = new Map(existing.map((e) => [lower(e), e]));
  return recorded.map((r) => byLower.get(lower(r))).filter((e): e is string => e !== undefined);
}

/** Clears the recorded areas on sheets that still exist, a few RangeAreas per sheet. */
function queueClear(context: Excel.RequestContext, refs: string[], sheetNames: string[]): void {
  const bySheet = new Map<string, string[]>();
  for (const ref of refs) {
    const { sheet, address: a } = splitRef(ref);
    const [actual] = stillThere([sheet], sheetNames);
    if (actual) bySheet.set(actual, [...(bySheet.get(actual) ?? []), a]);
  }
  for (const [sheet, addresses] of bySheet) {
    const ws = context.workbook.worksheets.getItem(sheet);
    for (const chunk of chunkAddresses(addresses)) ws.getRanges(chunk).clear();
  }
}

/**
 * Removes exactly what the last generation added, as far as it still exists: its sheets, its
 * defined names and the cells it wrote on existing sheets; then forgets the record. Two syncs;
 * null when there is nothing to undo.
 */
export async function undoLastGeneration(context: Excel.RequestContext): Promise<UndoResult | null> {
  const setting = context.workbook.settings.getItemOrNullObject(GENERATION_SETTING).load("value");
  const existing = await inspectWorkbook(context); // the same sync loads the setting
  const record = setting.isNullObject ? null : parseRecord(setting.value);
  if (!record) return null;
  const removedSheets = stillThere(record.sheets, existing.sheetNames);
  const removedNames = stillThere(record.names, existing.names);
  if (removedSheets.length && removedSheets.length === existing.sheetNames.length)
    throw new Error("Undo would remove every sheet of the workbook; add a sheet of your own first.");
  queueClear(context, record.ranges ?? [], existing.sheetNames);
  removedNames.forEach((n) => context.workbook.names.getItem(n).delete());
  removedSheets.forEach((s) => context.workbook.worksheets.getItem(s).delete());
  setting.delete();
  await context.sync();
  return { removedSheets, removedNames };
}
