// The Office.js writer: applies a workbook plan in two context.sync round trips whatever its size
// (inspect, then write everything), one range write per block, styles grouped per style. It
// validates before the first write, never writes over an existing sheet or name unless the user
// chose "replace", and records what it added so "Undo generation" removes exactly that.
import { address, blockAddress, columnLetter, parseAddress, quoteSheet, rangeAddress, splitRef } from "../core/plan/a1";
import { freeVariant } from "../core/plan/rename";
import type { CellStyle, PlanChart, PlanSheet, WorkbookPlan } from "../core/plan/types";
import { validatePlan } from "../core/plan/validate";

export type ConflictChoice = "keepBoth" | "replace";

export interface WriteOptions {
  onConflict?: ConflictChoice;
  onProgress?: (fraction: number, message: string) => void;
}

/** What one generation added, stored in the workbook so it can be undone. */
export interface GenerationRecord {
  sheets: string[];
  names: string[];
  /** Ranges written on existing sheets ("'Sheet'!B2:H40"), cleared again by undo. */
  ranges?: string[];
  at: string;
}

export const GENERATION_SETTING = "ibn.lastGeneration";
/** Excel limits the address string of one RangeAreas; longer lists are split. */
const MAX_AREAS_ADDRESS = 2000;

export async function inspectWorkbook(context: Excel.RequestContext): Promise<{ sheetNames: string[]; names: string[] }> {
  const sheets = context.workbook.worksheets.load("items/name");
  const names = context.workbook.names.load("items/name");
  await context.sync();
  return { sheetNames: sheets.items.map((s) => s.name), names: names.items.map((n) => n.name) };
}

/** Row runs of cells with the same style, as A1 ranges, so a style is applied in a few calls. */
export function styleAreas(sheet: PlanSheet): Map<CellStyle, string[]> {
  const areas = new Map<CellStyle, string[]>();
  for (const block of sheet.blocks) {
    const { row, col } = parseAddress(block.anchor);
    block.rows.forEach((cells, r) => {
      let start = 0;
      for (let c = 1; c <= cells.length; c++) {
        const style = cells[start]?.style;
        if (c < cells.length && cells[c]?.style === style) continue;
        if (style) {
          if (!areas.has(style)) areas.set(style, []);
          areas.get(style)!.push(rangeAddress(row + r, col + start, 1, c - start));
        }
        start = c;
      }
    });
  }
  return areas;
}

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

function applyStyle(format: Excel.RangeFormat, style: CellStyle): void {
  switch (style) {
    case "title":
      format.font.bold = true;
      format.font.size = 14;
      break;
    case "header":
      format.font.bold = true;
      format.fill.color = "#F3F2F1";
      format.borders.getItem("EdgeBottom").style = "Continuous";
      break;
    case "input":
      format.fill.color = "#FFF4CE";
      break;
    case "total":
      format.font.bold = true;
      format.borders.getItem("EdgeTop").style = "Continuous";
      break;
    case "check":
      format.font.italic = true;
      break;
    case "note":
      format.font.italic = true;
      format.font.color = "#605E5C";
      break;
    default:
      break;
  }
}

/** Writes a sheet's blocks and styles onto `ws`; layout (widths, panes, tab colour) only on a new sheet. */
function queueCells(ws: Excel.Worksheet, sheet: PlanSheet): void {
  for (const block of sheet.blocks) {
    const range = ws.getRange(blockAddress(block));
    // New sheet: an empty plan cell is written as empty, so the whole block is one write.
    range.formulas = block.rows.map((r) => r.map((c) => (c ? (c.formula ?? c.value ?? "") : "")));
    range.numberFormat = block.rows.map((r) => r.map((c) => c?.format ?? "General"));
  }
  for (const [style, addresses] of styleAreas(sheet)) {
    if (style === "label" || style === "calc") continue;
    for (const chunk of chunkAddresses(addresses)) applyStyle(ws.getRanges(chunk).format, style);
  }
}

function queueSheet(context: Excel.RequestContext, sheet: PlanSheet): void {
  const ws = context.workbook.worksheets.add(sheet.name);
  queueCells(ws, sheet);
  // Widths are in characters; Excel wants points (about 7 per character of the default font).
  sheet.columnWidths?.forEach((w, i) => (ws.getRange(`${columnLetter(i)}:${columnLetter(i)}`).format.columnWidth = Math.round(w * 7)));
  if (sheet.freeze?.rows || sheet.freeze?.columns) {
    const { rows, columns } = sheet.freeze;
    if (rows && columns) ws.freezePanes.freezeAt(ws.getRange(rangeAddress(0, 0, rows, columns)));
    else if (rows) ws.freezePanes.freezeRows(rows);
    else ws.freezePanes.freezeColumns(columns);
  }
  if (sheet.tabColor) ws.tabColor = `#${sheet.tabColor}`;
}

function queueChart(context: Excel.RequestContext, chart: PlanChart): void {
  const ws = context.workbook.worksheets.getItem(chart.sheet);
  const values = (ref: string) => ref.slice(ref.indexOf("!") + 1);
  const c = ws.charts.add("ColumnClustered" as Excel.ChartType, ws.getRange(values(chart.series[0].values)), "Columns" as Excel.ChartSeriesBy);
  c.title.text = chart.title;
  chart.series.forEach((s, i) => {
    const series = i === 0 ? c.series.getItemAt(0) : c.series.add(s.name);
    series.name = s.name;
    series.setValues(ws.getRange(values(s.values)));
    series.setXAxisValues(ws.getRange(values(chart.categories)));
  });
  c.setPosition(chart.from, chart.to);
}

/**
 * Writes the plan: one sync to inspect the workbook, one to write everything. Returns what was
 * added (the sheet names as written, in plan order, and the defined names).
 */
export async function writePlan(context: Excel.RequestContext, plan: WorkbookPlan, options: WriteOptions = {}): Promise<GenerationRecord> {
  const problems = validatePlan(plan);
  if (problems.length) throw new Error(`The plan cannot be written: ${problems.join("; ")}`);
  const progress = options.onProgress ?? (() => undefined);
  progress(0.05, "inspect");
  const existing = await inspectWorkbook(context);
  let target = plan;
  if (options.onConflict === "replace") {
    const sheets = new Set(plan.sheets.map((s) => s.name.toLowerCase()));
    const names = new Set(plan.names.map((n) => n.name.toLowerCase()));
    existing.sheetNames.filter((s) => sheets.has(s.toLowerCase())).forEach((s) => context.workbook.worksheets.getItem(s).delete());
    existing.names.filter((n) => names.has(n.toLowerCase())).forEach((n) => context.workbook.names.getItem(n).delete());
  } else {
    target = freeVariant(plan, existing.sheetNames, existing.names).plan;
  }
  target.sheets.forEach((sheet, i) => {
    queueSheet(context, sheet);
    progress(0.1 + (0.7 * (i + 1)) / target.sheets.length, sheet.name);
  });
  for (const n of target.names) context.workbook.names.add(n.name, `=${n.ref}`);
  target.charts.forEach((c) => queueChart(context, c));
  const record: GenerationRecord = { sheets: target.sheets.map((s) => s.name), names: target.names.map((n) => n.name), at: new Date().toISOString() };
  context.workbook.settings.add(GENERATION_SETTING, JSON.stringify(record));
  if (target.sheets.length) context.workbook.worksheets.getItem(target.sheets[0].name).activate();
  progress(0.9, "sync");
  await context.sync();
  progress(1, "done");
  return record;
}

/** Removes exactly what the last generation added (what still exists of it); null when there is none. */
export async function undoLastGeneration(context: Excel.RequestContext): Promise<{ removedSheets: string[]; removedNames: string[] } | null> {
  const setting = context.workbook.settings.getItemOrNullObject(GENERATION_SETTING);
  setting.load("value");
  const existing = await inspectWorkbook(context); // the same sync loads the setting
  if (setting.isNullObject) return null;
  const record = JSON.parse(String(setting.value)) as GenerationRecord;
  for (const ref of record.ranges ?? []) {
    const { sheet, address } = splitRef(ref);
    if (existing.sheetNames.includes(sheet)) context.workbook.worksheets.getItem(sheet).getRange(address).clear();
  }
  const removedSheets = record.sheets.filter((s) => existing.sheetNames.includes(s));
  const removedNames = record.names.filter((n) => existing.names.includes(n));
  removedNames.forEach((n) => context.workbook.names.getItem(n).delete());
  removedSheets.forEach((s) => context.workbook.worksheets.getItem(s).delete());
  setting.delete();
  await context.sync();
  return { removedSheets, removedNames };
}

/** The plan's only sheet moved so that its top-left cell is `anchor` (its blocks shifted alike). */
function shiftSheet(sheet: PlanSheet, anchor: string): PlanSheet {
  const to = parseAddress(anchor);
  return {
    name: sheet.name,
    blocks: sheet.blocks.map((b) => {
      const from = parseAddress(b.anchor);
      return { ...b, anchor: address(from.row + to.row, from.col + to.col) };
    }),
  };
}

/**
 * Writes a one-sheet plan (e.g. the evaluation tables) at the selected cell of the active sheet:
 * three syncs (selection, emptiness of the target, write). Refuses when a target cell is not
 * empty, unless the user chose to overwrite. Undo clears exactly the written range.
 */
export async function writeAtSelection(context: Excel.RequestContext, plan: WorkbookPlan, options: { overwrite?: boolean } = {}): Promise<GenerationRecord> {
  const problems = validatePlan(plan);
  if (problems.length) throw new Error(`The plan cannot be written: ${problems.join("; ")}`);
  if (plan.sheets.length !== 1 || plan.names.length || plan.charts.length) throw new Error("Only a single-sheet plan without names or charts can be written at the selection.");
  const selected = context.workbook.getSelectedRange().load("address");
  selected.worksheet.load("name");
  await context.sync();
  const ws = selected.worksheet;
  const sheet = shiftSheet(plan.sheets[0], selected.address.split("!").pop()!.split(":")[0]);
  const targets = sheet.blocks.map((b) => blockAddress(b));
  const used = targets.map((a) => ws.getRange(a).getUsedRangeOrNullObject(true).load("address"));
  await context.sync();
  const occupied = used.find((u) => !u.isNullObject);
  if (occupied && !options.overwrite) throw new Error(`Not written: ${occupied.address} is not empty. Select an empty area, or choose to overwrite.`);
  queueCells(ws, sheet);
  const record: GenerationRecord = { sheets: [], names: [], ranges: targets.map((a) => `${quoteSheet(ws.name)}!${a}`), at: new Date().toISOString() };
  context.workbook.settings.add(GENERATION_SETTING, JSON.stringify(record));
  await context.sync();
  return record;
}
